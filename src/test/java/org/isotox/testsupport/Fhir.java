package org.isotox.testsupport;

import static io.restassured.RestAssured.given;

import ca.uhn.fhir.context.FhirContext;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.hl7.fhir.instance.model.api.IBaseResource;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/** FHIR JSON in and out of REST Assured, with HAPI's R4 model. */
public final class Fhir {

    public static final FhirContext R4 = clientContext();
    public static final String JSON = "application/fhir+json";

    private Fhir() {}

    /** As a careful client: keeps versions in references (an approval's Provenance targets one version). */
    private static FhirContext clientContext() {
        FhirContext context = FhirContext.forR4();
        context.getParserOptions().setStripVersionsFromReferences(false);
        return context;
    }

    public static String json(IBaseResource resource) {
        return R4.newJsonParser().encodeResourceToString(resource);
    }

    public static <T extends IBaseResource> T parse(Response response, Class<T> type) {
        return R4.newJsonParser().parseResource(type, response.asString());
    }

    public static OperationOutcome outcome(Response response) {
        return parse(response, OperationOutcome.class);
    }

    public static Bundle bundle(Response response) {
        return parse(response, Bundle.class);
    }

    /** A request with a FHIR JSON body and FHIR JSON expected back. */
    public static RequestSpecification fhirRequest(IBaseResource body) {
        return fhirRequest().body(json(body));
    }

    /** As the trial coordinator, who may read and write every site's data. */
    public static RequestSpecification fhirRequest() {
        return fhirRequestAs(Tokens.COORDINATOR);
    }

    /** As the demo client {@code clientId} (see {@link Tokens}). */
    public static RequestSpecification fhirRequestAs(String clientId) {
        return given().auth().oauth2(Tokens.of(RestAssured.port, clientId)).contentType(JSON).accept(JSON);
    }

    /** A transaction (or batch) Bundle that creates each of {@code resources} in order, under a new {@code urn:uuid}. */
    public static Bundle creating(Bundle.BundleType type, List<? extends Resource> resources) {
        Bundle bundle = new Bundle().setType(type);
        for (Resource resource : resources) {
            bundle.addEntry().setFullUrl(IdType.newRandomUuid().getValue()).setResource(resource)
                    .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(resource.fhirType());
        }
        return bundle;
    }

    /** The first resource of {@code type} a transaction created, from its response: {@code Type/id}. */
    public static String created(Response transactionResponse, String type) {
        return bundle(transactionResponse).getEntry().stream()
                .map(e -> e.getResponse().getLocation().replaceAll("/_history/.*", ""))
                .filter(location -> location.startsWith(type + "/"))
                .findFirst().orElseThrow(() -> new AssertionError("the transaction created no " + type));
    }

    /** POSTs {@code resource}, expects 201 and returns the new logical id. */
    public static String create(IBaseResource resource) {
        String type = R4.getResourceType(resource);
        Response response = fhirRequest(resource)
                .post("/" + type)
                .then()
                .statusCode(201)
                .extract()
                .response();
        return parse(response, resource.getClass()).getIdElement().getIdPart();
    }

    /** The number of matches of a search, counted fresh by the server. */
    public static int count(String resourceType, String query) {
        return bundle(fhirRequest()
                        .header("Cache-Control", "no-cache")
                        .get("/" + resourceType + "?_summary=count&" + query)
                        .then()
                        .statusCode(200)
                        .extract()
                        .response())
                .getTotal();
    }
}
