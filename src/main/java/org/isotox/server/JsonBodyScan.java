package org.isotox.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads a JSON body (already decoded from UTF-8) as tokens only: bounded nesting, numbers in range,
 * no key twice in one object (HAPI would keep the last), strings as FHIR allows them.
 */
final class JsonBodyScan {

    private static final JsonFactory FACTORY =
            JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private JsonBodyScan() {}

    static Optional<String> problem(String body) {
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if ((token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT)
                        && !NumberLiteral.isWithinRange(parser.getText())) {
                    return Optional.of("The number " + abbreviated(parser.getText()) + " at line "
                            + parser.currentLocation().getLineNr() + " is out of range");
                }
                if (token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) {
                    Optional<String> bad = StringCharacters.problem(parser.getText());
                    if (bad.isPresent()) {
                        return Optional.of("The " + (token == JsonToken.FIELD_NAME ? "key" : "string") + " at "
                                + parser.getParsingContext().pathAsPointer() + " (line "
                                + parser.currentLocation().getLineNr() + ") holds " + bad.get());
                    }
                }
            }
            return Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.of("Could not parse the body as JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return Optional.of("Could not parse the body: " + e.getMessage());
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
