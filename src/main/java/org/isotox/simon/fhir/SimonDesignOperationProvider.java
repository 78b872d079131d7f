package org.isotox.simon.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.isotox.fhir.OperationOutcomes;
import org.isotox.fhir.OperationProvider;
import org.isotox.simon.domain.DesignAudit;
import org.isotox.simon.domain.DesignRequirements;
import org.isotox.simon.domain.DesignSearchResult;
import org.isotox.simon.domain.SimonDesignSearch;
import org.springframework.stereotype.Component;

/** {@code $simon-design}: the optimal and minimax Simon two-stage designs for p0, p1, alpha and beta. */
@Component
public class SimonDesignOperationProvider implements OperationProvider {

    private final FhirContext fhirContext;
    private final SimonDesignSearch search = new SimonDesignSearch();

    SimonDesignOperationProvider(FhirContext fhirContext) {
        this.fhirContext = fhirContext;
    }

    @Operation(name = "$simon-design", idempotent = true)
    public Parameters simonDesign(
            @OperationParam(name = "p0", min = 1) DecimalType p0,
            @OperationParam(name = "p1", min = 1) DecimalType p1,
            @OperationParam(name = "alpha", min = 1) DecimalType alpha,
            @OperationParam(name = "beta", min = 1) DecimalType beta,
            @OperationParam(name = "nmax") IntegerType nmax) {
        DesignRequirements requirements = requirements(p0, p1, alpha, beta, nmax);
        DesignSearchResult result = search.search(requirements);
        if (!(result instanceof DesignSearchResult.Found found)) {
            throw new UnprocessableEntityException(fhirContext, OperationOutcomes.error(
                    IssueType.NOTFOUND,
                    "No two-stage design with at most " + requirements.maxSampleSize()
                            + " subjects has alpha <= " + requirements.alpha() + " and power >= "
                            + (1 - requirements.beta()) + "; allow a larger nmax",
                    "nmax"));
        }
        Parameters parameters = new Parameters();
        SimonParts.design(parameters.addParameter().setName("optimal"), found.optimal());
        SimonParts.design(parameters.addParameter().setName("minimax"), found.minimax());
        return parameters;
    }

    private static DesignRequirements requirements(
            DecimalType p0, DecimalType p1, DecimalType alpha, DecimalType beta, IntegerType nmax) {
        for (var given : java.util.Map.of("p0", nullable(p0), "p1", nullable(p1), "alpha", nullable(alpha), "beta", nullable(beta))
                .entrySet()) {
            if (given.getValue().isEmpty()) {
                String message = "Parameter " + given.getKey() + " (decimal) is required";
                throw new InvalidRequestException(message, OperationOutcomes.error(IssueType.REQUIRED, message, given.getKey()));
            }
        }
        try {
            int maximum = nmax == null ? DesignRequirements.DEFAULT_MAX_SAMPLE_SIZE : nmax.getValue();
            return new DesignRequirements(
                    p0.getValue().doubleValue(), p1.getValue().doubleValue(),
                    alpha.getValue().doubleValue(), beta.getValue().doubleValue(), maximum);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage(), OperationOutcomes.error(IssueType.INVALID, e.getMessage()));
        }
    }

    private static java.util.Optional<DecimalType> nullable(DecimalType value) {
        return value == null || value.getValue() == null ? java.util.Optional.empty() : java.util.Optional.of(value);
    }

    /** The parts of a design in a {@code $simon-design} or {@code $simon-status} answer. */
    static final class SimonParts {
        private SimonParts() {}

        static void design(ParametersParameterComponent parameter, DesignAudit audit) {
            parameter.addPart().setName("r1").setValue(new IntegerType(audit.design().r1()));
            parameter.addPart().setName("n1").setValue(new IntegerType(audit.design().n1()));
            parameter.addPart().setName("r").setValue(new IntegerType(audit.design().r()));
            parameter.addPart().setName("n").setValue(new IntegerType(audit.design().n()));
            characteristics(parameter, audit);
        }

        static void characteristics(ParametersParameterComponent parameter, DesignAudit audit) {
            parameter.addPart().setName("expectedSampleSize").setValue(new DecimalType(audit.expectedSampleSize()));
            parameter.addPart().setName("probEarlyTermination").setValue(new DecimalType(audit.probEarlyTermination()));
            parameter.addPart().setName("alpha").setValue(new DecimalType(audit.alpha()));
            parameter.addPart().setName("power").setValue(new DecimalType(audit.power()));
        }
    }
}
