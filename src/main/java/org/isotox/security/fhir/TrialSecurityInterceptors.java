package org.isotox.security.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.isotox.fhir.AfterCommit;
import org.isotox.fhir.KeptWork;
import org.isotox.fhir.RestInterceptor;
import org.isotox.fhir.StoredIds;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HAPI side of access control, registered on the FHIR endpoint: the scope check of reads and
 * searches, the trial-wide requests, launch-patient narrowing, the authorization rules and the BALP
 * audit trail; and SMART discovery. Site ownership is decided in the storage layer
 * ({@link OwnershipStamp}, {@link OwnershipVisibility}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "isotox.security.enabled", havingValue = "true", matchIfMissing = true)
class TrialSecurityInterceptors {

    @Bean
    RestInterceptor readOrSearchScopeCheck(BearerGrants grants) {
        return new ReadOrSearchScopeCheck(grants);
    }

    @Bean
    RestInterceptor trialWideRequests(BearerGrants grants) {
        return new TrialWideRequests(grants);
    }

    @Bean
    RestInterceptor launchPatientSearchNarrowing(BearerGrants grants) {
        return new LaunchPatientSearchNarrowing(grants);
    }

    @Bean
    RestInterceptor trialAuthorization(BearerGrants grants, StoredOwners owners) {
        return new TrialAuthorizationInterceptor(grants, owners);
    }

    @Bean
    RestInterceptor instanceDoors(BearerGrants grants, StoredOwners owners) {
        return new InstanceDoors(grants, owners);
    }

    @Bean
    RestInterceptor siteConditionalUrls(BearerGrants grants) {
        return new SiteConditionalUrls(grants);
    }

    @Bean
    RestInterceptor searchPages(BearerGrants grants) {
        return new SearchPages(grants);
    }

    @Bean
    RestInterceptor bundleEntryNames() {
        return new BundleEntryNames();
    }

    @Bean
    StoredAuditTrail storedAuditTrail(
            FhirContext fhirContext, DaoRegistry daoRegistry, StoredIds storedIds, AfterCommit afterCommit, KeptWork keptWork) {
        return new StoredAuditTrail(fhirContext, daoRegistry, storedIds, afterCommit, keptWork);
    }

    @Bean
    RestInterceptor auditTrail(StoredAuditTrail storedAuditTrail) {
        return new AuditTrail(storedAuditTrail, new TokenAuditContext());
    }

    @Bean
    RestInterceptor serverErrorMasking() {
        return new ServerErrorMasking();
    }

    @Bean
    RestInterceptor smartCapabilities(SecurityProperties properties) {
        return new SmartCapabilities(properties);
    }

    @Bean
    ServletRegistrationBean<SmartConfigurationServlet> smartConfiguration(SecurityProperties properties, ObjectMapper json)
            throws IOException {
        ServletRegistrationBean<SmartConfigurationServlet> registration =
                new ServletRegistrationBean<>(new SmartConfigurationServlet(properties, json), SmartConfigurationServlet.PATH);
        registration.setName("smart-configuration");
        return registration;
    }
}
