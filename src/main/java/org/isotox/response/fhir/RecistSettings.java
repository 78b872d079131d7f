package org.isotox.response.fhir;

import java.time.Period;
import org.isotox.response.domain.BestResponseRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The trial's RECIST 1.1 best-response settings ({@code isotox.recist.*}). IHR: a non-randomised
 * trial whose primary endpoint is safety, so CR and PR need no confirmation (section 4.6.1 asks for
 * it only when response is the primary endpoint).
 *
 * @param confirmationRequired         whether a CR or PR counts only when confirmed
 * @param confirmationInterval         least time to the confirming assessment (RECIST: 4 weeks)
 * @param minimumStableDiseaseDuration least time from study entry for SD to count as best response
 *                                     (RECIST: protocol-defined, "in general not less than 6-8
 *                                     weeks"; the IHR protocol states none, 6 weeks is taken)
 */
@ConfigurationProperties("isotox.recist")
public record RecistSettings(
        @DefaultValue("false") boolean confirmationRequired,
        @DefaultValue("P28D") Period confirmationInterval,
        @DefaultValue("P42D") Period minimumStableDiseaseDuration) {

    BestResponseRules bestResponseRules() {
        return new BestResponseRules(
                confirmationRequired ? BestResponseRules.Confirmation.REQUIRED : BestResponseRules.Confirmation.NOT_REQUIRED,
                confirmationInterval,
                minimumStableDiseaseDuration);
    }
}
