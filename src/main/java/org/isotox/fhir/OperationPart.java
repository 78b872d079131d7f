package org.isotox.fhir;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Type;

/**
 * One part of an operation's input and where it is ({@code baseline.lesion[2].diameter}), the
 * one reader of nested operation parameters: a missing, repeated or mistyped part is a 400 whose
 * issue names it.
 */
public record OperationPart(ParametersParameterComponent component, String path) {

    /** A top-level parameter, named by its path ({@code baseline}, {@code assessment[1]}). */
    public static OperationPart of(ParametersParameterComponent component, String path) {
        return new OperationPart(component, path);
    }

    /** The repeated top-level parameters {@code name}, each with its index in the path. */
    public static List<OperationPart> all(List<ParametersParameterComponent> components, String name) {
        List<OperationPart> parts = new ArrayList<>();
        for (int i = 0; i < components.size(); i++) {
            parts.add(new OperationPart(components.get(i), name + "[" + i + "]"));
        }
        return parts;
    }

    /** A 400 answer for malformed input at {@code expression}. */
    public static InvalidRequestException malformed(IssueType type, String message, String expression) {
        return new InvalidRequestException(message, OperationOutcomes.error(type, message, expression));
    }

    /** The sub-parts called {@code name}, each with its index in the path. */
    public List<OperationPart> parts(String name) {
        List<ParametersParameterComponent> named =
                component.getPart().stream().filter(p -> name.equals(p.getName())).toList();
        List<OperationPart> parts = new ArrayList<>();
        for (int i = 0; i < named.size(); i++) {
            parts.add(new OperationPart(named.get(i), path + "." + name + "[" + i + "]"));
        }
        return parts;
    }

    /** The sub-part {@code name}, if given; given twice is malformed. */
    public Optional<OperationPart> optional(String name) {
        List<ParametersParameterComponent> named =
                component.getPart().stream().filter(p -> name.equals(p.getName())).toList();
        if (named.size() > 1) {
            throw malformed(IssueType.STRUCTURE, "Part '" + name + "' is given " + named.size() + " times",
                    path + "." + name);
        }
        return named.stream().findFirst().map(p -> new OperationPart(p, path + "." + name));
    }

    /** The sub-part {@code name}; missing is malformed. */
    public OperationPart required(String name) {
        return optional(name).orElseThrow(() -> malformed(
                IssueType.REQUIRED, "Part '" + name + "' of " + path + " is required", path + "." + name));
    }

    public String string() {
        String value = primitive(PrimitiveType.class, "a string").getValueAsString();
        if (value == null || value.isBlank()) {
            throw malformed(IssueType.VALUE, path + " is empty", path);
        }
        return value;
    }

    public boolean bool() {
        return primitive(BooleanType.class, "a boolean").booleanValue();
    }

    /** A decimal or integer value. */
    public BigDecimal decimal() {
        Type value = component.getValue();
        if (value instanceof DecimalType decimal && decimal.getValue() != null) {
            return decimal.getValue();
        }
        if (value instanceof IntegerType integer && integer.getValue() != null) {
            return BigDecimal.valueOf(integer.getValue());
        }
        throw malformed(IssueType.VALUE, path + " must be a decimal number", path);
    }

    /** A date or dateTime precise to the day. */
    public LocalDate day() {
        BaseDateTimeType value = primitive(BaseDateTimeType.class, "a date");
        try {
            return FhirDates.localDate(value);
        } catch (IllegalArgumentException e) {
            throw malformed(IssueType.VALUE, path + " must be a full date (YYYY-MM-DD)", path);
        }
    }

    /** A value of a complex type ({@code Coding}, {@code Quantity}, ...). */
    public <T extends Type> T value(Class<T> type) {
        Type value = component.getValue();
        if (!type.isInstance(value)) {
            throw malformed(IssueType.VALUE, path + " must be a " + type.getSimpleName(), path);
        }
        return type.cast(value);
    }

    private <T extends PrimitiveType<?>> T primitive(Class<T> type, String what) {
        Type value = component.getValue();
        if (!type.isInstance(value) || ((PrimitiveType<?>) value).getValue() == null) {
            throw malformed(IssueType.VALUE, path + " must be " + what, path);
        }
        return type.cast(value);
    }
}
