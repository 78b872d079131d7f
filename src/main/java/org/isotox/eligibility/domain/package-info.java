/**
 * Eligibility of a patient for a study: the study's eligibility Group characteristics as
 * {@link org.isotox.eligibility.domain.EligibilityRule}s, evaluated against the patient's record on
 * an assessment day. Pure Java: the {@code fhir} package maps the Group and the record in.
 *
 * <h2>Outcomes</h2>
 * Each characteristic yields a {@link org.isotox.eligibility.domain.Presence}; an inclusion is met
 * when the characteristic is present, an exclusion when it is absent (MET always means "the patient
 * passes"). Characteristics sharing one protocol criterion make one result: met when all are, not
 * met when any is not, unknown otherwise. The patient is eligible only when every criterion is met.
 *
 * <h2>Evidence</h2>
 * The latest Observation (by effective date) counts; anything dated after the assessment day, or
 * before a characteristic's look-back, is ignored. Conditions recorded after the assessment day
 * are ignored too.
 *
 * <h2>Choices where the protocol and the Group are silent</h2>
 * <ul>
 *   <li><b>Missing evidence is unknown</b>, never a pass, for every inclusion and for every
 *       measurement or assessment: no Karnofsky score, no lab, no investigator judgement.
 *   <li><b>A diagnosis missing from the record clears an exclusion.</b> A problem list without a
 *       coded pulmonary fibrosis (or heart failure, COPD, diabetes) is taken as "no such disorder", as
 *       in trial screening. Codes from diagnosis terminologies (SNOMED CT, ICD) are diagnoses; codes
 *       of local or observation terminologies (e.g. the investigator-judgement code) are assessments,
 *       which must be recorded. A suspected (unconfirmed, provisional, differential) diagnosis makes
 *       the characteristic unknown; a refuted one counts as absent.
 *   <li><b>Look-back</b> (myocardial infarction within 6 months): the Condition's onset (else its
 *       recorded date) must lie within it, inclusive; its clinical status does not matter, because a
 *       resolved infarction two months ago is still one. Without a date it is unknown. Without a
 *       look-back only active Conditions count (a Condition without clinical status is taken as active).
 *   <li><b>"Uncontrolled" and other qualifiers</b> need an assessment: an Observation coded with the
 *       disorder (valued with the qualifier code, or another code of its system), the Condition's
 *       severity or stage, or an Observation coded with the qualifier about the Condition
 *       ({@code focus}) with a yes/no value. An active COPD without such an assessment is unknown; no
 *       COPD at all clears "uncontrolled COPD".
 *   <li><b>Labs</b>: a value within its reference range is interpretation N (below L, above H); the
 *       lab's stated interpretation counts only when there is no value with a range. A ULN multiple
 *       divides the value by the reference range's high limit, in the same unit; either missing is unknown.
 *   <li><b>Age</b> is in completed years (or the range's unit) on the assessment day; a birth date
 *       known only to the year or month is unknown when the bound falls inside that span.
 *   <li><b>Stage</b>: a stage group Observation (clinical or pathologic, as the study's terminology maps
 *       them) or any active Condition's stage summary; the latest assessment decides.
 *   <li><b>A score on another scale</b> (ECOG for a Karnofsky limit) stands for the range of scores its
 *       conversion gives: met only when the whole range meets the limit, not met when none of it does,
 *       unknown when it straddles the limit.
 *   <li><b>Unknown says what would settle it</b>: each characteristic names the record (type, codes, ValueSet or
 *       ConceptMap) that would decide it.
 *   <li>Comparators ({@code <5}, {@code >6 months}) are honoured: a value that may lie on either side
 *       of a limit is unknown. Units are compared as UCUM codes; only time units are converted.
 * </ul>
 */
package org.isotox.eligibility.domain;
