package org.isotox.security.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scope syntax of SMART App Launch 2.0.0, "Scopes and Launch Context", section 3.0.2 (clinical data
 * scopes: {@code ( 'patient' | 'user' | 'system' ) '/' ( fhir-resource | '*' ) '.' ( [c][r][u][d][s] )},
 * letters in that order) and 3.0.2.3 (SMART v1 scopes: {@code read} = {@code rs}, {@code write} =
 * {@code cud}, {@code *} = {@code cruds}).
 */
class SmartScopeTest {

    @Test
    void v2ScopeOfOneTypeWithReadAndSearch() {
        assertThat(SmartScope.parse("patient/Observation.rs")).contains(new SmartScope(
                ScopeContext.PATIENT, "Observation", EnumSet.of(Permission.READ, Permission.SEARCH)));
    }

    @Test
    void v2WildcardWithEveryPermission() {
        assertThat(SmartScope.parse("user/*.cruds")).contains(new SmartScope(
                ScopeContext.USER, "*", EnumSet.allOf(Permission.class)));
    }

    @Test
    void v1ReadIsReadAndSearch() {
        assertThat(SmartScope.parse("user/*.read").orElseThrow().permissions())
                .containsExactlyInAnyOrder(Permission.READ, Permission.SEARCH);
    }

    @Test
    void v1WriteIsCreateUpdateDelete() {
        assertThat(SmartScope.parse("system/Patient.write").orElseThrow().permissions())
                .containsExactlyInAnyOrder(Permission.CREATE, Permission.UPDATE, Permission.DELETE);
    }

    @Test
    void v1StarIsEverything() {
        assertThat(SmartScope.parse("patient/*.*").orElseThrow().permissions()).isEqualTo(EnumSet.allOf(Permission.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "openid", "fhirUser", "launch/patient", "offline_access",
        "user/Observation.sr",        // letters out of order
        "user/Observation.rr",        // a letter twice
        "user/Observation.x",         // no such permission
        "practitioner/*.rs",          // no such context
        "user/observation.rs",        // not a resource type name
        "patient/Observation.rs?category=laboratory", // narrowed by a parameter: not enforced, so not honoured
        "user/.rs", "/Patient.rs"
    })
    void whatIsNotAClinicalDataScopeGrantsNothing(String scope) {
        assertThat(SmartScope.parse(scope)).isEqualTo(Optional.empty());
    }

    @Test
    void aWildcardCoversEveryType() {
        SmartScope all = SmartScope.parse("user/*.rs").orElseThrow();
        SmartScope one = SmartScope.parse("user/Observation.rs").orElseThrow();

        assertThat(all.covers("Patient")).isTrue();
        assertThat(one.covers("Observation")).isTrue();
        assertThat(one.covers("Patient")).isFalse();
    }
}
