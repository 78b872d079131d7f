package org.isotox.security.fhir;

import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilder;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleTester;
import java.util.List;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.isotox.security.domain.AccessGrant;

/**
 * Which operations a token may run. Computations on what the request carries and study-wide
 * aggregates are open to every reader; operations about one patient, subject or site are limited
 * to the token's site for site-bound roles; {@code $everything} answers only what the read rules
 * let through; bulk export and the registry sync are the coordinator's.
 */
final class TrialOperationRules {

    private static final List<String> ON_SERVER = List.of("$simon-design", "$recist-evaluate", "$isotoxic-prescription");
    private static final List<String> ON_STUDY = List.of("$simon-status", "$endpoints");
    private static final List<String> TERMINOLOGY = List.of("$expand", "$lookup", "$validate-code", "$subsumes", "$translate");
    private static final List<String> REGISTRY_ON_TYPE = List.of("$import-ctgov");
    private static final List<String> REGISTRY_ON_STUDY = List.of("$ctgov-export", "$ctgov-prs-export");

    private final StoredOwners owners;

    TrialOperationRules(StoredOwners owners) {
        this.owners = owners;
    }

    IAuthRuleBuilder add(IAuthRuleBuilder rules, AccessGrant grant) {
        if (!grant.readsAnything()) {
            return rules;
        }
        for (String name : ON_SERVER) {
            rules = rules.allow().operation().named(name).onServer().andAllowAllResponses().andThen();
        }
        for (String name : ON_STUDY) {
            rules = rules.allow().operation().named(name).onInstancesOfType(ResearchStudy.class).andAllowAllResponses().andThen();
        }
        for (String name : TERMINOLOGY) {
            rules = rules.allow().operation().named(name).atAnyLevel().andAllowAllResponses().andThen();
        }
        rules = rules.allow().operation().named("$score").onType(QuestionnaireResponse.class).andAllowAllResponses().andThen()
                .allow().operation().named("$validate").atAnyLevel().andAllowAllResponses().andThen()
                .allow().operation().named("$everything").onInstancesOfType(Patient.class)
                .andRequireExplicitResponseAuthorization().andThen();
        IAuthRuleTester ofTheSite = grant.site()
                .<IAuthRuleTester>map(site -> new SiteOperationTester(site, owners))
                .orElse(new IAuthRuleTester() {});
        rules = rules.allow().operation().named("$check-eligibility").onInstancesOfType(ResearchStudy.class)
                .andAllowAllResponses().withTester(ofTheSite).andThen()
                .allow().operation().named("$overdue").onInstancesOfType(ResearchStudy.class)
                .andAllowAllResponses().withTester(ofTheSite).andThen()
                .allow().operation().named("$isotoxic-prescription").onInstancesOfType(ResearchSubject.class)
                .andAllowAllResponses().withTester(ofTheSite).andThen();
        if (grant.role().administers()) {
            // the $export request itself, then what it exports (checked when the job starts)
            rules = rules.allow().operation().named("$export").atAnyLevel().andAllowAllResponses().andThen()
                    .allow().bulkExport().any().andThen()
                    .allow().operation().named("$export-poll-status").onServer().andAllowAllResponses().andThen();
            rules = rules.allow().operation().named("$transfer").onInstancesOfType(Patient.class).andAllowAllResponses().andThen();
            for (String name : REGISTRY_ON_TYPE) {
                rules = rules.allow().operation().named(name).onType(ResearchStudy.class).andAllowAllResponses().andThen();
            }
            for (String name : REGISTRY_ON_STUDY) {
                rules = rules.allow().operation().named(name).onInstancesOfType(ResearchStudy.class).andAllowAllResponses().andThen();
            }
        }
        return rules;
    }
}
