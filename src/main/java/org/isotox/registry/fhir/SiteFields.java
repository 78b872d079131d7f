package org.isotox.registry.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Location.LocationPositionComponent;

/**
 * A registry location in FHIR: the Location's name, address and {@code position} (the geo point), and its
 * contacts' phone numbers and email addresses as the Location's {@code telecom}, those of one contact
 * sharing its element id ({@code contacts-0}). The contacts' names and roles and the site's recruitment
 * status have no Location element: they stay in the registration.
 */
final class SiteFields {

    private SiteFields() {}

    /** Writes the registry location into {@code location}. */
    static Location write(JsonNode site, Location location) {
        location.setName(StudyRegistration.text(site, "facility"));
        Address address = new Address().setCity(StudyRegistration.text(site, "city")).setState(StudyRegistration.text(site, "state"))
                .setPostalCode(StudyRegistration.text(site, "zip")).setCountry(StudyRegistration.text(site, "country"));
        location.setAddress(address.isEmpty() ? null : address);
        JsonNode geo = site.path("geoPoint");
        location.setPosition(geo.has("lat") && geo.has("lon")
                ? new LocationPositionComponent().setLatitude(geo.get("lat").decimalValue()).setLongitude(geo.get("lon").decimalValue())
                : null);
        List<ContactPoint> telecom = new ArrayList<>();
        StudyRegistration.each(site.path("contacts"), (i, contact) -> telecom.addAll(StudyRegistration.telecom(contact, "contacts-" + i)));
        location.setTelecom(telecom);
        return location;
    }

    /** The registry location a site stands for, with its place in the registration when it has one. */
    static ObjectNode held(StudySites.Site site, Integer index) {
        ObjectNode held = RegistrationTree.object();
        if (index != null) {
            held.put(RegistrationTree.INDEX, index);
        }
        StudyRegistration.put(held, "facility", site.facility());
        Address address = site.address();
        StudyRegistration.put(held, "city", address.getCity());
        StudyRegistration.put(held, "state", address.getState());
        StudyRegistration.put(held, "zip", address.getPostalCode());
        StudyRegistration.put(held, "country", address.getCountry());
        LocationPositionComponent position = site.location().getPosition();
        if (position.hasLatitude() && position.hasLongitude()) {
            held.putObject("geoPoint").put("lat", position.getLatitude()).put("lon", position.getLongitude());
        }
        Map<String, List<ContactPoint>> byContact = new LinkedHashMap<>();
        site.location().getTelecom().forEach(t -> byContact.computeIfAbsent(t.hasId() ? t.getId() : "new-" + byContact.size(),
                k -> new ArrayList<>()).add(t));
        ArrayNode contacts = RegistrationTree.array();
        byContact.values().forEach(points -> {
            ObjectNode contact = StudyRegistration.item(contacts, points.get(0), "contacts");
            StudyRegistration.putTelecom(contact, points);
        });
        if (!contacts.isEmpty()) {
            held.set("contacts", contacts);
        }
        return held;
    }
}
