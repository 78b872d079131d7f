package org.isotox.registry.fhir;

import ca.uhn.fhir.rest.annotation.Operation;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.isotox.fhir.OperationProvider;
import org.springframework.stereotype.Component;

/**
 * {@code POST ResearchStudy/$import-ctgov}: the body is a ClinicalTrials.gov API v2 study record,
 * exactly as downloaded from the registry ({@code Content-Type: application/json}), not a FHIR
 * resource; the answer is the ResearchStudy created or updated from it.
 */
@Component
public class ImportCtgovOperationProvider implements OperationProvider {

    private final RegistrationImport registrationImport;

    ImportCtgovOperationProvider(RegistrationImport registrationImport) {
        this.registrationImport = registrationImport;
    }

    @Operation(name = "$import-ctgov", type = ResearchStudy.class, manualRequest = true)
    public ResearchStudy importCtgov(HttpServletRequest request) throws IOException {
        String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return registrationImport.importRecord(CtgovJson.read(body), (ObjectNode) CtgovJson.tree(body));
    }
}
