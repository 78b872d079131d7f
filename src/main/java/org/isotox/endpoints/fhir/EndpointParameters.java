package org.isotox.endpoints.fhir;

import java.util.List;
import java.util.OptionalDouble;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.isotox.endpoints.domain.AnalysisPopulation;
import org.isotox.endpoints.domain.Endpoint;
import org.isotox.endpoints.domain.KaplanMeierRow;
import org.isotox.endpoints.domain.QuantileEstimate;
import org.isotox.endpoints.domain.SurvivalAtTime;
import org.isotox.endpoints.domain.SurvivalCurve;
import org.isotox.fhir.Canonicals;

/**
 * The {@code $endpoints} answer: one {@code endpoint} per endpoint and analysis population, the
 * protocol's population first; each names its endpoint ({@code name}) and its {@code population}
 * (a Coding of the project's CodeSystem), then gives {@code n}, {@code events}, the {@code median} with its
 * CI ({@code medianLower}, {@code medianUpper}; absent when not reached or not estimable), and
 * {@code survival} at 12, 24, 36 and 60 months ({@code estimate}, {@code lower}, {@code upper},
 * {@code atRisk}; absent beyond the last follow-up); for LC also the percentages at 3 and 5 years.
 * For plotting: one {@code step} per distinct observation time ({@code time} in months, {@code survival},
 * {@code lower}, {@code upper}, {@code atRisk}, {@code events}, {@code censored}) and the
 * {@code numberAtRisk} every {@value #RISK_TABLE_MONTHS} months from 0 to the last observation.
 */
final class EndpointParameters {

    static final List<Integer> MONTHS = List.of(12, 24, 36, 60);
    static final int RISK_TABLE_MONTHS = 6;

    private EndpointParameters() {}

    static void add(Parameters parameters, AnalysisPopulation population, Endpoint endpoint, SurvivalCurve curve) {
        ParametersParameterComponent result = parameters.addParameter().setName("endpoint");
        result.addPart().setName("name").setValue(new CodeType(endpoint.name()));
        result.addPart().setName("population")
                .setValue(new Coding(Canonicals.ISOTOX_CODES, population.code(), population.display()));
        result.addPart().setName("n").setValue(new IntegerType(curve.subjects()));
        result.addPart().setName("events").setValue(new IntegerType(curve.events()));
        QuantileEstimate median = curve.median();
        months(result, "median", median.estimate());
        months(result, "medianLower", median.lower());
        months(result, "medianUpper", median.upper());
        for (int month : MONTHS) {
            ParametersParameterComponent survival = result.addPart().setName("survival");
            survival.addPart().setName("time").setValue(monthQuantity(month));
            survival.addPart().setName("atRisk").setValue(new IntegerType(curve.atRisk(month)));
            curve.at(month).ifPresent(at -> estimate(survival, at));
        }
        if (endpoint == Endpoint.LC) {
            percent(result, "percentAt3Years", curve, 36);
            percent(result, "percentAt5Years", curve, 60);
        }
        steps(result, curve);
    }

    private static void steps(ParametersParameterComponent result, SurvivalCurve curve) {
        for (KaplanMeierRow row : curve.rows()) {
            ParametersParameterComponent step = result.addPart().setName("step");
            step.addPart().setName("time").setValue(new DecimalType(round(row.time())));
            step.addPart().setName("survival").setValue(new DecimalType(round(row.survival())));
            row.confidenceInterval().ifPresent(ci -> {
                step.addPart().setName("lower").setValue(new DecimalType(round(ci.lower())));
                step.addPart().setName("upper").setValue(new DecimalType(round(ci.upper())));
            });
            step.addPart().setName("atRisk").setValue(new IntegerType(row.atRisk()));
            step.addPart().setName("events").setValue(new IntegerType(row.events()));
            step.addPart().setName("censored").setValue(new IntegerType(row.censored()));
        }
        double last = curve.lastObservationTime().orElse(0);
        for (int month = 0; month <= last; month += RISK_TABLE_MONTHS) {
            ParametersParameterComponent atRisk = result.addPart().setName("numberAtRisk");
            atRisk.addPart().setName("time").setValue(new IntegerType(month));
            atRisk.addPart().setName("atRisk").setValue(new IntegerType(curve.atRisk(month)));
        }
    }

    static void addSafety(Parameters parameters, int subjects, int severe) {
        ParametersParameterComponent safety = parameters.addParameter().setName("safety");
        safety.addPart().setName("n").setValue(new IntegerType(subjects));
        safety.addPart().setName("severeToxicities").setValue(new IntegerType(severe));
        if (subjects > 0) {
            safety.addPart().setName("proportion").setValue(new DecimalType(round((double) severe / subjects)));
        }
    }

    private static void estimate(ParametersParameterComponent survival, SurvivalAtTime at) {
        survival.addPart().setName("estimate").setValue(new DecimalType(round(at.survival())));
        at.confidenceInterval().ifPresent(ci -> {
            survival.addPart().setName("lower").setValue(new DecimalType(round(ci.lower())));
            survival.addPart().setName("upper").setValue(new DecimalType(round(ci.upper())));
        });
    }

    private static void percent(ParametersParameterComponent result, String name, SurvivalCurve curve, int month) {
        curve.at(month).ifPresent(at -> result.addPart().setName(name).setValue(new DecimalType(round(100 * at.survival()))));
    }

    private static void months(ParametersParameterComponent result, String name, OptionalDouble value) {
        value.ifPresent(v -> result.addPart().setName(name).setValue(monthQuantity(round(v))));
    }

    private static Quantity monthQuantity(double months) {
        return new Quantity().setValue(months).setUnit("months").setSystem("http://unitsofmeasure.org").setCode("mo");
    }

    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
