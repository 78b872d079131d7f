package org.isotox.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.isotox.fhir.OperationOutcomes;
import org.springframework.stereotype.Component;

/**
 * Refuses (422) to store a string FHIR does not allow ({@link StringCharacters}), whatever the door:
 * a REST write in JSON or XML, each entry of a transaction or batch, the result of a patch, the
 * server's own writes. The body check stops most of them earlier, as 400.
 */
@Component
@Interceptor
class StringContentGuard {

    /** Before any rule reads the resource. */
    static final int FIRST = -2000;

    private final FhirContext fhirContext;

    StringContentGuard(FhirContext fhirContext) {
        this.fhirContext = fhirContext;
    }

    @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = FIRST)
    public void created(IBaseResource resource) {
        check(resource);
    }

    @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = FIRST)
    public void updated(IBaseResource oldResource, IBaseResource resource) {
        check(resource);
    }

    private void check(IBaseResource resource) {
        ElementSearch.first(fhirContext, resource, StringContentGuard::problemOf).ifPresent(found -> {
            String message = "The element " + found.path() + " holds " + found.problem()
                    + "; a FHIR string may not hold control characters other than tab, CR and LF, nor lone surrogates";
            throw new UnprocessableEntityException(
                    fhirContext, OperationOutcomes.error(IssueType.INVALID, message, found.path()));
        });
    }

    private static Optional<String> problemOf(IBase element) {
        return element instanceof IPrimitiveType<?> primitive && primitive.getValueAsString() != null
                ? StringCharacters.problem(primitive.getValueAsString())
                : Optional.empty();
    }
}
