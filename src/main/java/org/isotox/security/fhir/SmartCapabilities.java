package org.isotox.security.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestSecurityComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.UriType;
import org.isotox.fhir.RestInterceptor;

/** Announces SMART-on-FHIR in the CapabilityStatement: {@code rest.security} with the OAuth URIs. */
final class SmartCapabilities implements RestInterceptor {

    private static final String OAUTH_URIS = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";
    private static final String RESTFUL_SECURITY_SERVICE = "http://terminology.hl7.org/CodeSystem/restful-security-service";

    private final SecurityProperties properties;

    SmartCapabilities(SecurityProperties properties) {
        this.properties = properties;
    }

    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void announce(IBaseConformance generated) {
        for (CapabilityStatementRestComponent rest : ((CapabilityStatement) generated).getRest()) {
            CapabilityStatementRestSecurityComponent security = rest.getSecurity();
            security.setCors(true);
            security.getService().clear();
            CodeableConcept smart = new CodeableConcept();
            smart.addCoding().setSystem(RESTFUL_SECURITY_SERVICE).setCode("SMART-on-FHIR");
            security.addService(smart);
            security.setDescription("SMART App Launch 2: bearer tokens from " + properties.trustedIssuer()
                    + "; discovery at .well-known/smart-configuration");
            security.getExtension().removeIf(e -> OAUTH_URIS.equals(e.getUrl()));
            Extension uris = security.addExtension().setUrl(OAUTH_URIS);
            uris.addExtension("authorize", new UriType(properties.authorizeUrl()));
            uris.addExtension("token", new UriType(properties.tokenUrl()));
        }
    }
}
