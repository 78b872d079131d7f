package org.isotox.security.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessGrantTest {

    private static final Optional<Site> SITE_A = Optional.of(new Site("a", "Organization/a"));
    private static final Optional<Site> NONE = Optional.empty();
    private static final Optional<String> NO_PATIENT = Optional.empty();

    @Test
    void anInvestigatorsUserScopesReachHisSite() {
        AccessGrant grant = AccessGrant.of(Role.INVESTIGATOR, SITE_A, NO_PATIENT, List.of("openid", "user/*.cruds"));

        assertThat(grant.grants()).singleElement().satisfies(g -> {
            assertThat(g.reach()).isEqualTo(Reach.SITE);
            assertThat(g.resourceType()).isEqualTo("*");
        });
        assertThat(grant.permits("Observation", Permission.CREATE)).isTrue();
    }

    @Test
    void anInvestigatorWithoutASiteReachesNobody() {
        assertThat(AccessGrant.of(Role.INVESTIGATOR, NONE, NO_PATIENT, List.of("user/*.cruds")).grants()).isEmpty();
    }

    @Test
    void theCoordinatorReachesEveryone() {
        assertThat(AccessGrant.of(Role.COORDINATOR, NONE, NO_PATIENT, List.of("user/*.rs")).grants())
                .singleElement().extracting(TypeGrant::reach).isEqualTo(Reach.ALL);
    }

    @Test
    void aMonitorsWriteScopesGrantOnlyReading() {
        AccessGrant grant = AccessGrant.of(Role.MONITOR, NONE, NO_PATIENT, List.of("user/*.cruds", "user/Patient.cud"));

        assertThat(grant.grants()).singleElement().satisfies(g ->
                assertThat(g.permissions()).containsExactlyInAnyOrder(Permission.READ, Permission.SEARCH));
        assertThat(grant.permits("Patient", Permission.CREATE)).isFalse();
    }

    @Test
    void patientScopesReachTheLaunchPatientOnlyAndNeedOne() {
        AccessGrant launched = AccessGrant.of(Role.INVESTIGATOR, SITE_A, Optional.of("Patient/7"), List.of("patient/Observation.rs"));
        AccessGrant notLaunched = AccessGrant.of(Role.INVESTIGATOR, SITE_A, NO_PATIENT, List.of("patient/Observation.rs"));

        assertThat(launched.grants()).singleElement().extracting(TypeGrant::reach).isEqualTo(Reach.LAUNCH_PATIENT);
        assertThat(notLaunched.grants()).isEmpty();
    }

    @Test
    void aPatientsUserAndSystemScopesGrantNothingHisPatientScopesHisOwnRecords() {
        AccessGrant grant = AccessGrant.of(Role.PATIENT, SITE_A, Optional.of("Patient/7"),
                List.of("user/*.cruds", "system/*.rs", "patient/*.rs", "patient/QuestionnaireResponse.c"));

        assertThat(grant.grants()).hasSize(2).allSatisfy(g -> assertThat(g.reach()).isEqualTo(Reach.LAUNCH_PATIENT));
        assertThat(grant.permits("QuestionnaireResponse", Permission.CREATE)).isTrue();
        assertThat(grant.permits("Patient", Permission.UPDATE)).isFalse();
    }

    @Test
    void readingAndSearchingAreGrantedApart() {
        AccessGrant grant = AccessGrant.of(Role.COORDINATOR, NONE, NO_PATIENT, List.of("user/Patient.r"));

        assertThat(grant.permits("Patient", Permission.READ)).isTrue();
        assertThat(grant.permits("Patient", Permission.SEARCH)).isFalse();
        assertThat(grant.permits("Observation", Permission.READ)).isFalse();
    }

    @Test
    void aTokenWithoutARoleGetsNothing() {
        assertThat(AccessGrant.nothing().grants()).isEmpty();
        assertThat(AccessGrant.nothing().readsAnything()).isFalse();
    }
}
