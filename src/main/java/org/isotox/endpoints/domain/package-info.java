/**
 * Survival estimates for the time-to-event endpoints of a trial (OS, PFS, TTP, LC): the
 * Kaplan-Meier estimator with Greenwood standard errors, pointwise confidence intervals on the
 * log-log, log or plain scale, survival and numbers at risk at fixed times, and the median and
 * other quantiles with Brookmeyer-Crowley confidence limits.
 *
 * <p>Every number reproduces R's {@code survival::survfit} (checked against survival 3.5-3):
 * a statistician re-running the analysis in R gets the same table, median and limits. Where
 * survfit reports NA this package returns an empty {@code Optional}/{@code OptionalDouble}.
 * Times are doubles in whatever unit the caller chooses; results are in that unit.
 */
package org.isotox.endpoints.domain;
