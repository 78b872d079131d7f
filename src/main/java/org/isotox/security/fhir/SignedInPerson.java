package org.isotox.security.fhir;

import java.util.Optional;
import org.hl7.fhir.r4.model.IdType;

/** The person behind the current request's token, as its {@code fhirUser} claim names him ({@code Practitioner/x}). */
public final class SignedInPerson {

    private SignedInPerson() {}

    /** The relative reference of the token's {@code fhirUser} (an absolute URL in the claim is cut to type and id); empty without one. */
    public static Optional<String> fhirUser() {
        return BearerGrants.token()
                .map(token -> token.getClaimAsString(TokenClaims.FHIR_USER))
                .filter(claim -> !claim.isBlank())
                .map(claim -> new IdType(claim).toUnqualifiedVersionless().getValue());
    }
}
