package org.isotox.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.term.ex.ExpansionTooCostlyException;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.DateTimeException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.isotox.fhir.OperationOutcomes;
import org.isotox.fhir.RestInterceptor;
import org.springframework.stereotype.Component;

/**
 * The one place where a failure that a client's input provoked deep inside HAPI or an operation (a
 * number that does not parse or overflows, an impossible date, nesting that exhausts the stack, a
 * ValueSet expansion over HAPI's limit) becomes a 4xx naming the parameter when it can be told,
 * instead of a 500 with an incident number.
 *
 * <p>Runs after {@link StaleVersionPrecondition} and before the error masking, which answers with
 * the first exception a hook returns.
 */
@Component
class ClientInputFailures implements RestInterceptor {

    private static final Pattern INPUT_STRING = Pattern.compile("For input string: \"([^\"]*)\"");

    @Hook(value = Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION, order = -50)
    public BaseServerResponseException asClientError(RequestDetails request, Throwable failure) {
        if (failure instanceof BaseServerResponseException answer && answer.getStatusCode() < 500) {
            return null;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ExpansionTooCostlyException tooCostly) {
                String message = "The expansion is too large: " + tooCostly.getMessage()
                        + "; use a filter or count and offset";
                return new UnprocessableEntityException(message, OperationOutcomes.error(IssueType.TOOCOSTLY, message));
            }
            if (cause instanceof NumberFormatException || cause instanceof ArithmeticException) {
                return invalid(request, "a number that cannot be read or is out of range", cause);
            }
            if (cause instanceof DateTimeException) {
                return invalid(request, "an impossible date or time", cause);
            }
            if (cause instanceof StackOverflowError) {
                return invalid(request, "input nested too deeply", cause);
            }
        }
        return null;
    }

    private static InvalidRequestException invalid(RequestDetails request, String what, Throwable cause) {
        List<String> named = request == null ? List.of() : parametersHolding(request, cause);
        String message = "The request holds " + what
                + (named.isEmpty() ? "" : " in " + String.join(", ", named))
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return new InvalidRequestException(message,
                OperationOutcomes.error(IssueType.INVALID, message, named.toArray(String[]::new)));
    }

    /** The request parameters whose value holds the text the failure quotes, when it quotes one. */
    private static List<String> parametersHolding(RequestDetails request, Throwable cause) {
        Matcher quoted = INPUT_STRING.matcher(Objects.toString(cause.getMessage(), ""));
        if (!quoted.find() || quoted.group(1).isEmpty()) {
            return List.of();
        }
        String text = quoted.group(1);
        Map<String, String[]> parameters = request.getParameters();
        return parameters.entrySet().stream()
                .filter(p -> Arrays.stream(p.getValue()).anyMatch(v -> v.contains(text)))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }
}
