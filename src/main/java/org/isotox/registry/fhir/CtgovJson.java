package org.isotox.registry.fhir;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.isotox.fhir.OperationPart;
import org.isotox.registry.domain.StudyRecord;

/**
 * Records in and out of the registry's JSON. Reading ignores what the server does not keep (the
 * registry's derived section, a document section, ...); a value of the wrong shape or an unknown
 * code is a 400 naming where it is. Writing leaves absent fields out.
 */
final class CtgovJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .propertyNamingStrategy(new RegistryNames())
            .build();

    /** The registry's {@code class} (a Java keyword) for the records' {@code organizationClass} and {@code sponsorClass}. */
    private static final class RegistryNames extends PropertyNamingStrategies.NamingBase {

        private static final Set<String> CLASS = Set.of("organizationClass", "sponsorClass");

        @Override
        public String translate(String name) {
            return CLASS.contains(name) ? "class" : name;
        }
    }

    private CtgovJson() {}

    static StudyRecord read(String json) {
        if (json == null || json.isBlank()) {
            throw OperationPart.malformed(IssueType.REQUIRED, "The request has no body: POST the study record (JSON)", "body");
        }
        try {
            StudyRecord record = MAPPER.readValue(json, StudyRecord.class);
            if (record == null) {
                throw OperationPart.malformed(IssueType.STRUCTURE, "The body is not a study record", "body");
            }
            return record;
        } catch (InvalidFormatException e) {
            String legal = e.getTargetType() != null && e.getTargetType().isEnum()
                    ? " (one of " + Arrays.stream(e.getTargetType().getEnumConstants()).map(Object::toString)
                            .collect(Collectors.joining(", ")) + ")"
                    : "";
            throw OperationPart.malformed(IssueType.CODEINVALID,
                    "'" + e.getValue() + "' is not a value " + path(e) + " can have" + legal, path(e));
        } catch (JsonMappingException e) {
            throw OperationPart.malformed(IssueType.STRUCTURE,
                    "The record does not have the registry's shape at " + path(e) + ": " + e.getOriginalMessage(), path(e));
        } catch (JacksonException e) {
            throw OperationPart.malformed(IssueType.STRUCTURE, "The body is not JSON: " + e.getOriginalMessage(), "body");
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A record could not be written as JSON", e);
        }
    }

    /** The body as a tree, after {@link #read(String)} accepted it. */
    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A record read once could not be read again", e);
        }
    }

    static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** A record the server put together (its export) in the domain's types. */
    static <T> T value(JsonNode tree, Class<T> type) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored registration does not have the registry's shape", e);
        }
    }

    /** Without indentation: what the server keeps in an attachment. */
    static byte[] compact(JsonNode tree) {
        try {
            return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A registration could not be written as JSON", e);
        }
    }

    static JsonNode tree(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("A stored registration could not be read", e);
        }
    }

    /** {@code protocolSection.statusModule.overallStatus}, {@code ...armGroups[0].type}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
