package org.isotox.security.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OwnershipPolicyTest {

    private static final Site HMU2 = new Site("ihr-hmu2", "Organization/1");
    private static final Owner MINE = Owner.site("ihr-hmu2");
    private static final Owner THEIRS = Owner.site("ihr-ncpb");
    private static final Writer SITE_CLIENT = new Writer(Writer.Kind.SITE_CLIENT, Optional.of("ihr-hmu2"));

    private static Write write(String type, Optional<Owner> stored, Set<Owner> referenced) {
        return new Write(type, stored, Optional.empty(), referenced, Optional.empty(), false);
    }

    private static OwnershipRule refusal(WriteVerdict verdict) {
        return verdict instanceof WriteVerdict.Refused refused ? refused.rule() : null;
    }

    private static Owner stamped(WriteVerdict verdict) {
        return verdict instanceof WriteVerdict.Stamp stamp ? stamp.owner() : null;
    }

    @Nested
    class ASiteClient {

        @Test
        void ownsWhatItWritesAboutItsPatientsAndSharedData() {
            assertThat(stamped(OwnershipPolicy.decide(SITE_CLIENT, write("Observation", Optional.empty(), Set.of(MINE, Owner.SHARED)))))
                    .isEqualTo(MINE);
            assertThat(stamped(OwnershipPolicy.decide(SITE_CLIENT, write("Practitioner", Optional.empty(), Set.of())))).isEqualTo(MINE);
        }

        @Test
        void cannotReferToAnotherSitesOrTrialWideData() {
            assertThat(refusal(OwnershipPolicy.decide(SITE_CLIENT, write("Observation", Optional.empty(), Set.of(THEIRS)))))
                    .isEqualTo(OwnershipRule.REFERS_OUTSIDE_THE_SITE);
            assertThat(refusal(OwnershipPolicy.decide(SITE_CLIENT, write("Task", Optional.empty(), Set.of(MINE, Owner.TRIAL_WIDE)))))
                    .isEqualTo(OwnershipRule.REFERS_OUTSIDE_THE_SITE);
        }

        @Test
        void cannotChangeOrDeleteWhatItDoesNotOwn() {
            assertThat(refusal(OwnershipPolicy.decide(SITE_CLIENT, write("Patient", Optional.of(THEIRS), Set.of()))))
                    .isEqualTo(OwnershipRule.NOT_THE_SITES);
            assertThat(refusal(OwnershipPolicy.decide(SITE_CLIENT, write("Organization", Optional.of(Owner.SHARED), Set.of()))))
                    .isEqualTo(OwnershipRule.NOT_THE_SITES);
        }

        @Test
        void cannotWriteTrialDefinitionsNorNameAnotherSite() {
            assertThat(refusal(OwnershipPolicy.decide(SITE_CLIENT,
                    new Write("ResearchStudy", Optional.empty(), Optional.empty(), Set.of(), Optional.empty(), true))))
                    .isEqualTo(OwnershipRule.DEFINITIONS_ARE_THE_COORDINATORS);
            assertThat(refusal(OwnershipPolicy.decide(SITE_CLIENT,
                    new Write("Patient", Optional.empty(), Optional.empty(), Set.of(), Optional.of("ihr-ncpb"), false))))
                    .isEqualTo(OwnershipRule.NAMES_ANOTHER_SITE);
            assertThat(refusal(OwnershipPolicy.decide(SITE_CLIENT,
                    new Write("Patient", Optional.empty(), Optional.of(THEIRS), Set.of(), Optional.empty(), false))))
                    .isEqualTo(OwnershipRule.NAMES_ANOTHER_SITE);
        }

        @Test
        void withoutAKnownSiteWritesNothing() {
            assertThat(refusal(OwnershipPolicy.decide(new Writer(Writer.Kind.SITE_CLIENT, Optional.empty()),
                    write("Observation", Optional.empty(), Set.of())))).isEqualTo(OwnershipRule.NO_SITE);
        }
    }

    @Nested
    class TheCoordinator {

        @Test
        void labelsDataAfterThePatientItIsAbout() {
            assertThat(stamped(OwnershipPolicy.decide(Writer.COORDINATOR, write("Observation", Optional.empty(), Set.of(THEIRS, Owner.SHARED)))))
                    .isEqualTo(THEIRS);
            assertThat(stamped(OwnershipPolicy.decide(Writer.COORDINATOR, write("Group", Optional.empty(), Set.of(MINE, THEIRS)))))
                    .isEqualTo(Owner.TRIAL_WIDE);
        }

        @Test
        void sharesDataAboutNoPatientAndKeepsAPatientWithoutASiteTrialWide() {
            assertThat(stamped(OwnershipPolicy.decide(Writer.COORDINATOR, write("Organization", Optional.empty(), Set.of())))).isEqualTo(Owner.SHARED);
            assertThat(stamped(OwnershipPolicy.decide(Writer.COORDINATOR, write("Patient", Optional.empty(), Set.of())))).isEqualTo(Owner.TRIAL_WIDE);
            assertThat(stamped(OwnershipPolicy.decide(Writer.COORDINATOR,
                    new Write("Patient", Optional.empty(), Optional.empty(), Set.of(), Optional.of("ihr-ncpb"), false)))).isEqualTo(THEIRS);
        }

        @Test
        void cannotPutAPatientOnASiteThatDoesNotOwnHim() {
            assertThat(refusal(OwnershipPolicy.decide(Writer.COORDINATOR,
                    new Write("ResearchSubject", Optional.empty(), Optional.empty(), Set.of(THEIRS), Optional.of("ihr-hmu2"), false))))
                    .isEqualTo(OwnershipRule.SITE_DOES_NOT_OWN_THE_PATIENT);
        }

        @Test
        void cannotLabelAPatientsRecordForAnotherOwner() {
            assertThat(refusal(OwnershipPolicy.decide(Writer.COORDINATOR,
                    new Write("Observation", Optional.empty(), Optional.of(MINE), Set.of(THEIRS), Optional.empty(), false))))
                    .isEqualTo(OwnershipRule.LABELLED_FOR_ANOTHER_OWNER);
        }

        @Test
        void placesAPatientNoSiteOwnsAtTheSiteHeEnrolsHimAt() {
            WriteVerdict enrolment = OwnershipPolicy.decide(Writer.COORDINATOR,
                    new Write("ResearchSubject", Optional.empty(), Optional.empty(), Set.of(Owner.TRIAL_WIDE, Owner.SHARED), Optional.of("ihr-hmu2"), false));
            WriteVerdict ofTwoSites = OwnershipPolicy.decide(Writer.COORDINATOR,
                    new Write("ResearchSubject", Optional.empty(), Optional.empty(), Set.of(Owner.TRIAL_WIDE, THEIRS), Optional.of("ihr-hmu2"), false));

            assertThat(enrolment).isEqualTo(new WriteVerdict.Stamp(MINE, true));
            assertThat(ofTwoSites).as("nobody is placed by a subject that also refers to another site's data").isEqualTo(new WriteVerdict.Stamp(Owner.TRIAL_WIDE));
        }

        @Test
        void movesAPatientOnlyByTransfer() {
            assertThat(refusal(OwnershipPolicy.decide(Writer.COORDINATOR,
                    new Write("Patient", Optional.of(MINE), Optional.empty(), Set.of(), Optional.of("ihr-ncpb"), false))))
                    .isEqualTo(OwnershipRule.TRANSFER_ONLY);
            assertThat(stamped(OwnershipPolicy.decide(Writer.COORDINATOR,
                    new Write("Patient", Optional.of(MINE), Optional.empty(), Set.of(), Optional.empty(), false)))).isEqualTo(MINE);
        }
    }

    @Test
    void theServerSharesOnlyDefinitionsAndKeepsItsOwnRecordsTrialWide() {
        assertThat(stamped(OwnershipPolicy.decide(Writer.SERVER,
                new Write("StructureDefinition", Optional.empty(), Optional.empty(), Set.of(), Optional.empty(), true)))).isEqualTo(Owner.SHARED);
        assertThat(stamped(OwnershipPolicy.decide(Writer.SERVER, write("Binary", Optional.empty(), Set.of())))).isEqualTo(Owner.TRIAL_WIDE);
        assertThat(stamped(OwnershipPolicy.decide(Writer.SERVER, write("Task", Optional.empty(), Set.of(MINE, Owner.SHARED))))).isEqualTo(MINE);
    }

    @Test
    void onlyTheServerWritesTheAuditTrail() {
        assertThat(stamped(OwnershipPolicy.decide(Writer.SERVER, write("AuditEvent", Optional.empty(), Set.of(MINE))))).isEqualTo(Owner.TRIAL_WIDE);
        assertThat(refusal(OwnershipPolicy.decide(Writer.COORDINATOR, write("AuditEvent", Optional.empty(), Set.of()))))
                .isEqualTo(OwnershipRule.AUDIT_TRAIL_APPEND_ONLY);
        assertThat(refusal(OwnershipPolicy.decide(new Writer(Writer.Kind.READER, Optional.empty()), write("Observation", Optional.empty(), Set.of()))))
                .isEqualTo(OwnershipRule.READ_ONLY);
    }

    @Test
    void theAuditTrailsOwnerDoesNotDependOnWhatItRefersTo() {
        assertThat(OwnershipPolicy.readsReferences("AuditEvent")).isFalse();
        assertThat(OwnershipPolicy.readsReferences("Provenance")).isTrue();
        for (Set<Owner> referenced : List.of(Set.<Owner>of(), Set.of(MINE), Set.of(THEIRS, Owner.SHARED))) {
            assertThat(stamped(OwnershipPolicy.decide(Writer.SERVER, write("AuditEvent", Optional.empty(), referenced))))
                    .isEqualTo(Owner.TRIAL_WIDE);
        }
    }

    @ParameterizedTest(name = "{0} sees data of {1}: {2}")
    @CsvSource({
        "investigator, ihr-hmu2, true",
        "investigator, ihr-ncpb, false",
        "investigator, shared, true",
        "investigator, trial-wide, false",
        "ehr, ihr-ncpb, false",
        "monitor, ihr-ncpb, true",
        "monitor, trial-wide, true",
        "coordinator, trial-wide, true"
    })
    void whoSeesWhat(String role, String owner, boolean sees) {
        Role r = Role.ofCode(role).orElseThrow();
        AccessGrant grant = AccessGrant.of(r, r.siteBound() ? Optional.of(HMU2) : Optional.empty(), Optional.empty(), List.of("user/*.rs"));
        Owner o = switch (owner) {
            case "shared" -> Owner.SHARED;
            case "trial-wide" -> Owner.TRIAL_WIDE;
            default -> Owner.site(owner);
        };
        assertThat(OwnershipPolicy.maySee(grant, "Observation", o)).isEqualTo(sees);
    }

    @Test
    void onlyTheCoordinatorSeesTheAuditTrailAndATokenWithoutGrantsSeesNothing() {
        AccessGrant monitor = AccessGrant.of(Role.MONITOR, Optional.empty(), Optional.empty(), List.of("user/*.rs"));
        AccessGrant coordinator = AccessGrant.of(Role.COORDINATOR, Optional.empty(), Optional.empty(), List.of("user/*.rs"));

        assertThat(OwnershipPolicy.maySee(monitor, "AuditEvent", Owner.TRIAL_WIDE)).isFalse();
        assertThat(OwnershipPolicy.maySee(coordinator, "AuditEvent", Owner.TRIAL_WIDE)).isTrue();
        assertThat(OwnershipPolicy.maySee(AccessGrant.nothing(), "Organization", Owner.SHARED)).isFalse();
    }

    @Test
    void aSiteSearchIsNarrowedToItsDataAndSharedDataButToItsOwnAloneWhenFilteringByReferrers() {
        AccessGrant investigator = AccessGrant.of(Role.INVESTIGATOR, Optional.of(HMU2), Optional.empty(), List.of("user/*.rs"));

        assertThat(OwnershipPolicy.visibleOwners(investigator, false)).contains(Set.of(MINE, Owner.SHARED));
        assertThat(OwnershipPolicy.visibleOwners(investigator, true)).contains(Set.of(MINE));
        assertThat(OwnershipPolicy.visibleOwners(AccessGrant.of(Role.MONITOR, Optional.empty(), Optional.empty(), List.of("user/*.rs")), false))
                .isEmpty();
    }
}
