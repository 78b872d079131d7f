# Reference values for the endpoints survival core, from R's survival package.
# Run: Rscript src/test/r/survfit-reference.R   (R 4.2.2, survival 3.5-3 from Debian 12)
# The tests quote the relevant parts of this output next to their assertions.
library(survival)
options(digits = 10, width = 150)
cat("R", R.version$major, ".", R.version$minor, " survival ", format(packageVersion("survival")), "\n", sep = "")

table_of <- function(fit) {
  print(fit)
  print(data.frame(time = fit$time, n.risk = fit$n.risk, n.event = fit$n.event, n.censor = fit$n.censor,
                   surv = fit$surv, std.err.S = fit$std.err * fit$surv, lower = fit$lower, upper = fit$upper))
}

cat("\n== qnorm\n")
print(qnorm(c(0.975, 0.95, 0.995, 0.5, 0.8, 0.025, 0.01, 1e-5, 1e-12, 1 - 1e-12, 1e-30)), digits = 17)

cat("\n== 6-MP drug group (Freireich et al. 1963; Gehan 1965), log-log 95 %\n")
mp6_time  <- c(6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35)
mp6_event <- c(1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0)
mp6 <- survfit(Surv(mp6_time, mp6_event) ~ 1, conf.type = "log-log")
table_of(mp6)
print(summary(mp6, times = c(0, 5, 6, 8, 12, 24, 35, 36)))
print(quantile(mp6, probs = c(0.25, 0.5, 0.75)))

cat("\n== 6-MP, log 95 % (survfit default)\n")
table_of(survfit(Surv(mp6_time, mp6_event) ~ 1))
cat("\n== 6-MP, plain 95 %\n")
table_of(survfit(Surv(mp6_time, mp6_event) ~ 1, conf.type = "plain"))
cat("\n== 6-MP, log-log 90 %\n")
table_of(survfit(Surv(mp6_time, mp6_event) ~ 1, conf.type = "log-log", conf.int = 0.90))

cat("\n== aml, both arms pooled, log-log 95 %\n")
table_of(survfit(Surv(time, status) ~ 1, data = aml, conf.type = "log-log"))
cat("\n== aml Maintained, log-log 95 %\n")
aml_m <- survfit(Surv(time, status) ~ 1, data = subset(aml, x == "Maintained"), conf.type = "log-log")
table_of(aml_m)
print(summary(aml_m, times = c(12, 24, 36, 60, 161, 162)))
cat("\n== aml Nonmaintained, log-log / log / plain 95 %\n")
aml_n <- survfit(Surv(time, status) ~ 1, data = subset(aml, x == "Nonmaintained"), conf.type = "log-log")
table_of(aml_n)
print(quantile(aml_n, probs = c(0.25, 0.5, 0.75)))
table_of(survfit(Surv(time, status) ~ 1, data = subset(aml, x == "Nonmaintained")))
table_of(survfit(Surv(time, status) ~ 1, data = subset(aml, x == "Nonmaintained"), conf.type = "plain"))

cat("\n== ties: deaths and a censoring at 2\n")
ties <- survfit(Surv(c(1, 2, 2, 2, 3, 4), c(1, 1, 1, 0, 0, 1)) ~ 1, conf.type = "log-log")
table_of(ties)
print(summary(ties, times = c(2, 2.5)))

cat("\n== censoring before the first event\n")
early <- survfit(Surv(c(2, 4, 5, 7, 9), c(0, 1, 1, 0, 1)) ~ 1, conf.type = "log-log")
table_of(early)
print(summary(early, times = c(0, 1, 2, 3, 4, 9)))

cat("\n== S exactly 0.5 over an interval (1..6 all events)\n")
mid <- survfit(Surv(1:6, rep(1, 6)) ~ 1, conf.type = "log-log")
table_of(mid)
print(quantile(mid, probs = c(0.25, 0.5, 0.75)))

cat("\n== S exactly 0.5 up to the last observation\n")
flat <- survfit(Surv(c(1, 2, 3, 4), c(1, 1, 0, 0)) ~ 1, conf.type = "log-log")
table_of(flat)
print(quantile(flat, probs = c(0.25, 0.5, 0.75)))

cat("\n== all censored\n")
none <- survfit(Surv(c(3, 5, 8), c(0, 0, 0)) ~ 1, conf.type = "log-log")
table_of(none)
print(summary(none, times = c(0, 4, 8)))
