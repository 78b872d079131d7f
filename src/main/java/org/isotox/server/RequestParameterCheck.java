package org.isotox.server;

import ca.uhn.fhir.context.RuntimeSearchParam;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.method.IParameter;
import ca.uhn.fhir.rest.server.method.OperationParameter;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry.SearchParamLookupContextEnum;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.isotox.fhir.OperationOutcomes;
import org.isotox.fhir.RestInterceptor;
import org.springframework.stereotype.Component;

/**
 * Refuses, with 400 naming the parameter, the request parameters HAPI would fail on with a 500 or
 * worse: a number or quantity search value whose exponent makes HAPI expand it into gigabytes of
 * digits, an {@code _offset} outside 0..{@code isotox.fhir.max-search-offset}, an operation input
 * that is not a FHIR decimal or integer ({@code NaN}, {@code Infinity}, beyond 32 bits), a
 * conditional patch without criteria; and answers 404 for a version no server can have written.
 */
@Component
class RequestParameterCheck implements RestInterceptor {

    private static final Pattern FHIR_DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final Pattern FHIR_INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,9})");
    private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");
    private static final Pattern SEARCH_PREFIX = Pattern.compile("^(eq|ne|gt|lt|ge|le|sa|eb|ap)");
    private static final Set<RestSearchParameterTypeEnum> NUMERIC = Set.of(
            RestSearchParameterTypeEnum.NUMBER, RestSearchParameterTypeEnum.QUANTITY, RestSearchParameterTypeEnum.COMPOSITE);
    private static final Set<String> INTEGER_TYPES = Set.of("integer", "positiveInt", "unsignedInt");

    private final ISearchParamRegistry searchParams;
    private final int maxSearchOffset;

    RequestParameterCheck(ISearchParamRegistry searchParams, FhirServerProperties properties) {
        this.searchParams = searchParams;
        this.maxSearchOffset = properties.maxSearchOffset();
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
    public void check(RequestDetails request) {
        Map<String, String[]> parameters = request.getParameters();
        for (String offset : parameters.getOrDefault(Constants.PARAM_OFFSET, new String[0])) {
            if (!DIGITS.matcher(offset).matches() || Long.parseLong(offset) > maxSearchOffset) {
                throw invalid(Constants.PARAM_OFFSET, "must be a whole number from 0 to " + maxSearchOffset + ", was " + offset);
            }
        }
        versionOfRead(request);
        if (request.getOperation() != null) {
            operationInputs(request);
        } else if (request.getResourceName() != null) {
            parameters.forEach((name, values) -> searchNumbers(request.getResourceName(), name, values));
            parameters.forEach(RequestParameterCheck::noRepeatedValue);
            if (request.getRequestType() == RequestTypeEnum.PATCH && request.getId() == null && parameters.isEmpty()) {
                throw invalid("url", "a conditional patch needs search criteria (PATCH " + request.getResourceName()
                        + "?identifier=...) or the id of the resource");
            }
        }
    }

    /** {@code name=x&name=x}: HAPI fails on the repeated AND clause ("Duplicate parameters found in query"). */
    private static void noRepeatedValue(String name, String[] values) {
        if (name.startsWith("_")) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String value : values) {
            if (!seen.add(value)) {
                throw invalid(name, "is given the value '" + NumberLiteral.abbreviated(value) + "' twice; give it once");
            }
        }
    }

    private static void versionOfRead(RequestDetails request) {
        IIdType id = request.getId();
        if (id != null && id.hasVersionIdPart() && !VERSION.matcher(id.getVersionIdPart()).matches()) {
            String message = "Version " + id.getVersionIdPart() + " of " + request.getResourceName() + "/" + id.getIdPart()
                    + " does not exist: versions are whole numbers from 1";
            throw new ResourceNotFoundException(message, OperationOutcomes.error(IssueType.NOTFOUND, message));
        }
    }

    private void searchNumbers(String resourceType, String parameter, String[] values) {
        RuntimeSearchParam definition = definition(resourceType, parameter);
        if (definition == null || !NUMERIC.contains(definition.getParamType())) {
            return;
        }
        for (String value : values) {
            for (String part : value.split("[,|$]")) {
                String number = SEARCH_PREFIX.matcher(part).replaceFirst("");
                if (!NumberLiteral.isWithinRange(number)) {
                    throw invalid(parameter, "holds the number " + NumberLiteral.abbreviated(number) + ", which is out of range");
                }
            }
        }
    }

    /** The search parameter a request parameter names, also behind {@code _has:Type:reference:}; modifiers dropped. */
    private RuntimeSearchParam definition(String resourceType, String parameter) {
        String type = resourceType;
        String name = parameter;
        if (name.startsWith(Constants.PARAM_HAS + ":")) {
            String[] parts = name.split(":");
            if (parts.length < 4) {
                return null;
            }
            type = parts[1];
            name = parts[3];
        }
        name = name.split(":")[0];
        if (name.isEmpty() || name.startsWith("_") || name.contains(".")) {
            return null;
        }
        return searchParams.getActiveSearchParam(type, name, SearchParamLookupContextEnum.SEARCH);
    }

    private static void operationInputs(RequestDetails request) {
        OperationBinding.of(request).ifPresent(operation -> {
            for (IParameter parameter : operation.getParameters()) {
                if (parameter instanceof OperationParameter input && input.getParamType() != null) {
                    for (String value : request.getParameters().getOrDefault(input.getName(), new String[0])) {
                        checkInput(input.getName(), input.getParamType(), value);
                    }
                }
            }
        });
    }

    private static void checkInput(String name, String type, String value) {
        if (type.equals("decimal") && !(FHIR_DECIMAL.matcher(value).matches() && NumberLiteral.isWithinRange(value))) {
            throw invalid(name, "must be a finite decimal within range, was " + NumberLiteral.abbreviated(value));
        }
        if (INTEGER_TYPES.contains(type) && !(FHIR_INTEGER.matcher(value).matches() && fitsAnInt(value))) {
            throw invalid(name, "must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
                    + ", was " + NumberLiteral.abbreviated(value));
        }
    }

    private static boolean fitsAnInt(String value) {
        long number = Long.parseLong(value);
        return number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE;
    }

    private static InvalidRequestException invalid(String parameter, String problem) {
        String message = "The parameter '" + parameter + "' " + problem;
        return new InvalidRequestException(message, OperationOutcomes.error(IssueType.INVALID, message, parameter));
    }
}
