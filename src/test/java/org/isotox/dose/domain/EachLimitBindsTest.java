package org.isotox.dose.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The IHR limits, each in turn the one that stops the escalation. Plans at 60 Gy; the cord and
 * oesophagus DVHs fall linearly to 0 % at their Dmax, so Dmax(T) = Dmax60 * T / 60.
 */
class EachLimitBindsTest {

    private static final IsotoxicPrescriber PRESCRIBER = new IsotoxicPrescriber();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        // cord 38 Gy at 60: 38*T/60 <= 45 -> T <= 71.05 -> 69 Gy; at 72: 45.6 (per fraction 38*3/60 = 1.9 Gy)
        "SpinalCord Dmax;      38; 40; 0:100 5:40 20:10 60:0; 69",
        // oesophagus 62 Gy at 60: 62*T/60 <= 72 -> T <= 69.68 -> 69 Gy; at 72: 74.4
        "Esophagus Dmax;       20; 62; 0:100 5:40 20:10 60:0; 69",
        // V5(T) = V60(300/T) on 0:100 5:60 -> 100 - 2400/T: 63.64 % at 66 Gy, 65.22 % at 69 Gy
        "Lungs-GTV V5;         20; 40; 0:100 5:60 20:10 60:0; 66",
        // V20(T) = V60(1200/T) on 15:34 20:25 -> 34 - 9 (1200/T - 15)/5: 29.70 % at 69 Gy, 31.0 % at 72 Gy
        "Lungs-GTV V20;        20; 40; 0:100 5:50 10:38 15:34 20:25 40:8 60:0; 69",
        // Dmean60 = (395 + 645 + 400 + 120) / 100 = 15.6 Gy: 15.6 at 60 Gy, 16.38 at 63 Gy; V20 28 %, V5 58 % at 60
        "Lungs-GTV Dmean;      20; 40; 0:100 5:58 20:28 40:12 60:0; 60",
        // nothing binds at 72 Gy: cord 24, oesophagus 48, V20 16.67 %, V5 50 %, Dmean 11.1 Gy
        "maximum-dose;         20; 40; 0:100 5:40 20:10 60:0; 72",
    })
    void limitBindsAtTheExpectedDose(String limiting, double cordMax, double esophagusMax, String lungCurve, double expected) {
        ReferencePlan plan = ReferencePlan.of(60, List.of(
                IhrExamples.linearFalloff(IhrExamples.CORD, cordMax),
                IhrExamples.linearFalloff(IhrExamples.ESOPHAGUS, esophagusMax),
                CumulativeDvh.of(IhrExamples.LUNGS, points(lungCurve))));

        IsotoxicPrescription prescription = PRESCRIBER.prescribe(IhrExamples.ihrRules(), plan);

        assertThat(prescription.feasible()).isTrue();
        assertThat(prescription.totalDoseGy()).isEqualTo(expected);
        assertThat(prescription.fractions()).isEqualTo((int) (expected / 3));
        assertThat(prescription.limitingConstraint()).isEqualTo(limiting);
    }

    private static List<DvhPoint> points(String curve) {
        return java.util.Arrays.stream(curve.trim().split(" "))
                .map(p -> p.split(":"))
                .map(p -> new DvhPoint(Double.parseDouble(p[0]), Double.parseDouble(p[1])))
                .toList();
    }
}
