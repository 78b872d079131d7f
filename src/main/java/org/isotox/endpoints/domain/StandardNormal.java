package org.isotox.endpoints.domain;

/**
 * The standard normal quantile function by Wichura's algorithm AS 241 (PPND16), "The percentage
 * points of the normal distribution", Applied Statistics 37(3):477-484, 1988; accurate to about
 * 1e-16 and the algorithm R's {@code qnorm} uses, so the z of a confidence level is the same as
 * survfit's.
 */
final class StandardNormal {

    private static final double SPLIT_CENTRAL = 0.425;
    private static final double SPLIT_TAIL = 5.0;
    private static final double CENTRAL_CONST = 0.180625;
    private static final double INTERMEDIATE_CONST = 1.6;

    // Coefficients of AS 241, constant term first.
    private static final double[] A = {
        3.3871328727963666080e0, 1.3314166789178437745e+2, 1.9715909503065514427e+3,
        1.3731693765509461125e+4, 4.5921953931549871457e+4, 6.7265770927008700853e+4,
        3.3430575583588128105e+4, 2.5090809287301226727e+3};
    private static final double[] B = {
        1.0, 4.2313330701600911252e+1, 6.8718700749205790830e+2, 5.3941960214247511077e+3,
        2.1213794301586595867e+4, 3.9307895800092710610e+4, 2.8729085735721942674e+4,
        5.2264952788528545610e+3};
    private static final double[] C = {
        1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0,
        3.64784832476320460504e0, 1.27045825245236838258e0, 2.41780725177450611770e-1,
        2.27238449892691845833e-2, 7.74545014278341407640e-4};
    private static final double[] D = {
        1.0, 2.05319162663775882187e0, 1.67638483018380384940e0, 6.89767334985100004550e-1,
        1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4,
        1.05075007164441684324e-9};
    private static final double[] E = {
        6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0,
        2.96560571828504891230e-1, 2.65321895265761230930e-2, 1.24266094738807843860e-3,
        2.71155556874348757815e-5, 2.01033439929228813265e-7};
    private static final double[] F = {
        1.0, 5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2,
        7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7,
        2.04426310338993978564e-15};

    private StandardNormal() {
    }

    /** The value z with P(Z <= z) = p for a standard normal Z; p must be in (0, 1). */
    static double quantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1), was " + p);
        }
        double q = p - 0.5;
        if (Math.abs(q) <= SPLIT_CENTRAL) {
            double r = CENTRAL_CONST - q * q;
            return q * polynomial(A, r) / polynomial(B, r);
        }
        double r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
        double value;
        if (r <= SPLIT_TAIL) {
            r -= INTERMEDIATE_CONST;
            value = polynomial(C, r) / polynomial(D, r);
        } else {
            r -= SPLIT_TAIL;
            value = polynomial(E, r) / polynomial(F, r);
        }
        return q < 0 ? -value : value;
    }

    private static double polynomial(double[] coefficients, double x) {
        double value = 0;
        for (int i = coefficients.length - 1; i >= 0; i--) {
            value = value * x + coefficients[i];
        }
        return value;
    }
}
