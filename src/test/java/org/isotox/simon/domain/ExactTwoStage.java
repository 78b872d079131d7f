package org.isotox.simon.domain;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Test oracle: the operating characteristics of a two-stage design in exact decimal arithmetic,
 * by plain enumeration of every (x1, x2) outcome. It shares no code with the production
 * computation, so agreement checks the tables, the tails and the summation order there.
 */
final class ExactTwoStage {

    private ExactTwoStage() {
    }

    static double earlyTermination(SimonDesign design, String p) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int x1 = 0; x1 <= design.r1(); x1++) {
            sum = sum.add(point(design.n1(), x1, new BigDecimal(p)));
        }
        return sum.doubleValue();
    }

    static double rejection(SimonDesign design, String p) {
        BigDecimal probability = new BigDecimal(p);
        int n2 = design.n() - design.n1();
        BigDecimal sum = BigDecimal.ZERO;
        for (int x1 = design.r1() + 1; x1 <= design.n1(); x1++) {
            for (int x2 = 0; x2 <= n2; x2++) {
                if (x1 + x2 > design.r()) {
                    sum = sum.add(point(design.n1(), x1, probability).multiply(point(n2, x2, probability)));
                }
            }
        }
        return sum.doubleValue();
    }

    private static BigDecimal point(int trials, int k, BigDecimal p) {
        BigDecimal q = BigDecimal.ONE.subtract(p);
        return new BigDecimal(choose(trials, k)).multiply(p.pow(k)).multiply(q.pow(trials - k));
    }

    private static BigInteger choose(int trials, int k) {
        BigInteger result = BigInteger.ONE;
        for (int i = 1; i <= k; i++) {
            result = result.multiply(BigInteger.valueOf(trials - k + i)).divide(BigInteger.valueOf(i));
        }
        return result;
    }
}
