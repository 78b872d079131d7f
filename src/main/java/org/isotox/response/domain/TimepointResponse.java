package org.isotox.response.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The RECIST 1.1 evaluation of one assessment.
 *
 * @param date                      the assessment date
 * @param sumDiametersMm            the sum of the target diameters; empty when a target was not
 *                                  measured or there are no targets
 * @param changeFromBaselinePercent (sum - baseline sum) / baseline sum x 100, 2 decimals
 * @param changeFromNadirPercent    (sum - nadir) / nadir x 100, 2 decimals, where the nadir is the
 *                                  smallest complete sum before this assessment, the baseline
 *                                  included; empty when the nadir is 0
 * @param targetResponse            CR/PR/SD/PD/NE; empty without target lesions
 * @param nonTargetResponse         CR/non-CR/non-PD/PD/NE; empty without non-target lesions
 * @param overallResponse           the time point response (Table 1 or Table 2)
 * @param progressionInField        for an overall PD: whether it involves a lesion in the
 *                                  irradiated field; empty for any other response
 */
public record TimepointResponse(
        LocalDate date,
        Optional<BigDecimal> sumDiametersMm,
        Optional<BigDecimal> changeFromBaselinePercent,
        Optional<BigDecimal> changeFromNadirPercent,
        Optional<Response> targetResponse,
        Optional<Response> nonTargetResponse,
        Response overallResponse,
        Optional<Boolean> progressionInField) {

    public TimepointResponse {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(sumDiametersMm, "sum of diameters");
        Objects.requireNonNull(changeFromBaselinePercent, "change from baseline");
        Objects.requireNonNull(changeFromNadirPercent, "change from nadir");
        Objects.requireNonNull(targetResponse, "target response");
        Objects.requireNonNull(nonTargetResponse, "non-target response");
        Objects.requireNonNull(overallResponse, "overall response");
        Objects.requireNonNull(progressionInField, "progression in field");
        if (progressionInField.isPresent() != (overallResponse == Response.PD)) {
            throw new IllegalArgumentException("progression in field is given exactly for an overall PD");
        }
    }
}
