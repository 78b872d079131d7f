package org.isotox.toxicity.fhir;

import org.isotox.toxicity.domain.ToxicityRecord;

/** A toxicity record and the patient (FHIR reference) it belongs to. */
public record PatientToxicity(String patient, ToxicityRecord record) {}
