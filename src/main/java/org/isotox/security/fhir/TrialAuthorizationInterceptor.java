package org.isotox.security.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilder;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilderRuleOp;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilderRuleOpClassifier;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleFinished;
import ca.uhn.fhir.rest.server.interceptor.auth.PolicyEnum;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.IdType;
import org.isotox.fhir.RestInterceptor;
import org.isotox.security.domain.AccessGrant;
import org.isotox.security.domain.Permission;
import org.isotox.security.domain.SmartScope;
import org.isotox.security.domain.TypeGrant;

/**
 * HAPI's {@link AuthorizationInterceptor} with the rules of the bearer's token: one rule per
 * resource type its scopes grant, reaching the launch patient's compartment ({@code patient/}
 * scopes), the site's patients (site-bound roles) or everyone; the trial operations each role may
 * run; an append-only audit trail that only the coordinator reads. Anything else is refused (403).
 * The rules apply to every resource that goes in or out: transaction entries, {@code _include}d
 * resources, {@code _history}, {@code $everything}.
 */
final class TrialAuthorizationInterceptor extends AuthorizationInterceptor implements RestInterceptor {

    private static final String AUDIT_EVENT = "AuditEvent";

    private final FhirContext fhirContext;
    private final BearerGrants grants;
    private final SitePatients sitePatients;
    private final TrialOperationRules operations;

    TrialAuthorizationInterceptor(FhirContext fhirContext, BearerGrants grants, SitePatients sitePatients) {
        super(PolicyEnum.DENY);
        this.fhirContext = fhirContext;
        this.grants = grants;
        this.sitePatients = sitePatients;
        this.operations = new TrialOperationRules(sitePatients);
    }

    @Override
    public List<IAuthRule> buildRuleList(RequestDetails request) {
        AccessGrant grant = grants.of(request);
        IAuthRuleBuilder rules = new RuleBuilder()
                .deny("the audit trail is append-only").write().resourcesOfType(AUDIT_EVENT).withAnyId().andThen()
                .deny("the audit trail is append-only").delete().resourcesOfType(AUDIT_EVENT).withAnyId().andThen();
        if (!grant.role().administers()) {
            rules = rules.deny("only the trial coordinator reads the audit trail").read().resourcesOfType(AUDIT_EVENT)
                    .withAnyId().andThen();
        }
        rules = rules.allow().metadata().andThen()
                .allow().transaction().withAnyOperation().andApplyNormalRules().andThen();
        Supplier<Set<String>> patientsOfSite = () -> grant.site().map(site -> sitePatients.atRequest(request, site)).orElse(Set.of());
        for (TypeGrant typeGrant : grant.grants()) {
            rules = typeRules(rules, grant, typeGrant, patientsOfSite);
        }
        if (grant.grants().stream().anyMatch(g -> g.allows(Permission.UPDATE))) {
            // a patch is judged as the update it becomes, by the write rules above
            rules = rules.allow().patch().allRequests().andThen();
        }
        rules = operations.add(rules, grant);
        return rules.denyAll("the token's role and scopes do not allow this").build();
    }

    private IAuthRuleBuilder typeRules(
            IAuthRuleBuilder rules, AccessGrant grant, TypeGrant typeGrant, Supplier<Set<String>> patientsOfSite) {
        if (typeGrant.allowsAnyOf(Permission.READ, Permission.SEARCH)) {
            rules = reach(types(rules.allow("read " + typeGrant.resourceType()).read(), typeGrant), grant, typeGrant, patientsOfSite)
                    .andThen();
        }
        if (typeGrant.allows(Permission.UPDATE)) {
            rules = reach(types(rules.allow("write " + typeGrant.resourceType()).write(), typeGrant), grant, typeGrant, patientsOfSite)
                    .andThen();
        } else if (typeGrant.allows(Permission.CREATE)) {
            rules = reach(types(rules.allow("create " + typeGrant.resourceType()).create(), typeGrant), grant, typeGrant, patientsOfSite)
                    .andThen();
        }
        if (typeGrant.allows(Permission.DELETE)) {
            rules = reach(types(rules.allow("delete " + typeGrant.resourceType()).delete(), typeGrant), grant, typeGrant, patientsOfSite)
                    .andThen();
        }
        return rules;
    }

    private static IAuthRuleBuilderRuleOpClassifier types(IAuthRuleBuilderRuleOp op, TypeGrant grant) {
        return grant.resourceType().equals(SmartScope.ANY_TYPE) ? op.allResources() : op.resourcesOfType(grant.resourceType());
    }

    private IAuthRuleFinished reach(
            IAuthRuleBuilderRuleOpClassifier classifier, AccessGrant grant, TypeGrant typeGrant, Supplier<Set<String>> patientsOfSite) {
        return switch (typeGrant.reach()) {
            case LAUNCH_PATIENT -> classifier.inCompartment("Patient", new IdType(grant.patient().orElseThrow()));
            case SITE -> classifier.withAnyId().withTester(
                    new SiteAccessTester(fhirContext, grant.site().orElseThrow(), patientsOfSite, sitePatients));
            case ALL -> classifier.withAnyId();
        };
    }
}
