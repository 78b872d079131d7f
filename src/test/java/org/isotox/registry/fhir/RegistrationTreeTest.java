package org.isotox.registry.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.isotox.registry.fhir.RegistrationTree.Difference;
import org.junit.jupiter.api.Test;

class RegistrationTreeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String REGISTRATION = """
            {"statusModule": {"overallStatus": "RECRUITING", "startDateStruct": {"date": "2020-01", "type": "ACTUAL"}},
             "contactsLocationsModule": {"locations": [
               {"facility": "A", "status": "RECRUITING", "geoPoint": {"lat": 48.85, "lon": 2.35}},
               {"facility": "B", "status": "COMPLETED"}]},
             "conditionsModule": {"conditions": ["NSCLC"]}}""";

    /** What FHIR gave back at import: the sites with their places, the status, the date without its type. */
    private static final String HELD = """
            {"statusModule": {"overallStatus": "RECRUITING", "startDateStruct": {"date": "2020-01"}},
             "contactsLocationsModule": {"locations": [
               {"@index": 0, "facility": "A", "geoPoint": {"lat": 48.850, "lon": 2.35}},
               {"@index": 1, "facility": "B"}]},
             "conditionsModule": {"conditions": ["NSCLC"]}}""";

    @Test
    void theRestIsWhatFhirDoesNotGiveBackAtTheSamePlace() throws Exception {
        JsonNode rest = RegistrationTree.rest(JSON.readTree(REGISTRATION), JSON.readTree(HELD));

        assertThat(rest).isEqualTo(JSON.readTree("""
                {"statusModule": {"startDateStruct": {"type": "ACTUAL"}},
                 "contactsLocationsModule": {"locations": [{"status": "RECRUITING"}, {"status": "COMPLETED"}]}}"""));
    }

    @Test
    void overlayingTheRestOnWhatFhirHeldGivesTheRegistrationBack() throws Exception {
        JsonNode rest = RegistrationTree.rest(JSON.readTree(REGISTRATION), JSON.readTree(HELD));

        JsonNode back = RegistrationTree.plain(RegistrationTree.overlay(JSON.readTree(HELD), rest));

        assertThat(RegistrationTree.differences(back, JSON.readTree(REGISTRATION))).isEmpty();
    }

    /** B removed in FHIR, C added before A: A keeps its status, C has none, and both changes are reported once. */
    @Test
    void reorderedAddedAndRemovedSitesFindTheirFieldsAndAreReported() throws Exception {
        JsonNode rest = RegistrationTree.rest(JSON.readTree(REGISTRATION), JSON.readTree(HELD));
        JsonNode now = JSON.readTree("""
                {"statusModule": {"overallStatus": "SUSPENDED", "startDateStruct": {"date": "2020-01"}},
                 "contactsLocationsModule": {"locations": [
                   {"facility": "C"},
                   {"@index": 0, "facility": "A", "geoPoint": {"lat": 48.85, "lon": 2.35}}]},
                 "conditionsModule": {"conditions": ["NSCLC"]}}""");

        JsonNode exported = RegistrationTree.overlay(now, rest);

        assertThat(RegistrationTree.plain(exported).at("/contactsLocationsModule/locations")).isEqualTo(JSON.readTree("""
                [{"facility": "C"}, {"facility": "A", "geoPoint": {"lat": 48.85, "lon": 2.35}, "status": "RECRUITING"}]"""));
        assertThat(RegistrationTree.differences(exported, RegistrationTree.overlay(JSON.readTree(HELD), rest)))
                .extracting(Difference::path, d -> String.valueOf(d.fhir()), d -> String.valueOf(d.registration()))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/contactsLocationsModule/locations/0", "{\"facility\":\"C\"}", "null"),
                        org.assertj.core.groups.Tuple.tuple("/contactsLocationsModule/locations/1", "null",
                                "{\"facility\":\"B\",\"status\":\"COMPLETED\"}"),
                        org.assertj.core.groups.Tuple.tuple("/statusModule/overallStatus", "\"SUSPENDED\"", "\"RECRUITING\""));
    }
}
