package org.isotox.security.fhir;

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
import org.hl7.fhir.r4.model.IdType;
import org.isotox.fhir.RestInterceptor;
import org.isotox.security.domain.AccessGrant;
import org.isotox.security.domain.Permission;
import org.isotox.security.domain.Reach;
import org.isotox.security.domain.SmartScope;
import org.isotox.security.domain.TypeGrant;

/**
 * HAPI's {@link AuthorizationInterceptor} with the rules of the bearer's token: which verbs on which
 * resource types its scopes grant, the launch patient's compartment for {@code patient/} scopes, and
 * the trial operations each role may run. Anything else is refused (403). Whose data a token reaches
 * is not decided here but by the resources' ownership labels, in the storage layer
 * ({@link OwnershipStamp}, {@link OwnershipVisibility}), which every door goes through.
 */
final class TrialAuthorizationInterceptor extends AuthorizationInterceptor implements RestInterceptor {

    /** The instruments a patient answers: shared definitions of the trial, in no patient's compartment. */
    private static final String INSTRUMENT = "Questionnaire";

    private final BearerGrants grants;
    private final TrialOperationRules operations;

    TrialAuthorizationInterceptor(BearerGrants grants, StoredOwners owners) {
        super(PolicyEnum.DENY);
        this.grants = grants;
        this.operations = new TrialOperationRules(owners);
    }

    @Override
    public List<IAuthRule> buildRuleList(RequestDetails request) {
        AccessGrant grant = grants.of(request);
        IAuthRuleBuilder rules = new RuleBuilder()
                .allow().metadata().andThen()
                .allow().transaction().withAnyOperation().andApplyNormalRules().andThen();
        for (TypeGrant typeGrant : grant.grants()) {
            rules = typeRules(rules, grant, typeGrant);
        }
        if (grant.grants().stream().anyMatch(g -> g.allows(Permission.UPDATE))) {
            // a patch is judged as the update it becomes, by the write rules above
            rules = rules.allow().patch().allRequests().andThen();
        }
        rules = operations.add(rules, grant);
        return rules.denyAll("the token's role and scopes do not allow this").build();
    }

    private static IAuthRuleBuilder typeRules(IAuthRuleBuilder rules, AccessGrant grant, TypeGrant typeGrant) {
        if (typeGrant.allowsAnyOf(Permission.READ, Permission.SEARCH)) {
            rules = reach(types(rules.allow("read " + typeGrant.resourceType()).read(), typeGrant), grant, typeGrant).andThen();
        }
        if (typeGrant.reach() == Reach.LAUNCH_PATIENT && typeGrant.allows(Permission.READ)
                && (typeGrant.resourceType().equals(SmartScope.ANY_TYPE) || typeGrant.resourceType().equals(INSTRUMENT))) {
            // a patient app reads the Questionnaire it renders by id
            rules = rules.allow("read instruments").read().resourcesOfType(INSTRUMENT).withAnyId().andThen();
        }
        if (typeGrant.allows(Permission.UPDATE)) {
            rules = reach(types(rules.allow("write " + typeGrant.resourceType()).write(), typeGrant), grant, typeGrant).andThen();
        } else if (typeGrant.allows(Permission.CREATE)) {
            rules = reach(types(rules.allow("create " + typeGrant.resourceType()).create(), typeGrant), grant, typeGrant).andThen();
        }
        if (typeGrant.allows(Permission.DELETE)) {
            rules = reach(types(rules.allow("delete " + typeGrant.resourceType()).delete(), typeGrant), grant, typeGrant).andThen();
        }
        return rules;
    }

    private static IAuthRuleBuilderRuleOpClassifier types(IAuthRuleBuilderRuleOp op, TypeGrant grant) {
        return grant.resourceType().equals(SmartScope.ANY_TYPE) ? op.allResources() : op.resourcesOfType(grant.resourceType());
    }

    private static IAuthRuleFinished reach(IAuthRuleBuilderRuleOpClassifier classifier, AccessGrant grant, TypeGrant typeGrant) {
        return switch (typeGrant.reach()) {
            case LAUNCH_PATIENT -> classifier.inCompartment("Patient", new IdType(grant.patient().orElseThrow()));
            case SITE, ALL -> classifier.withAnyId();
        };
    }
}
