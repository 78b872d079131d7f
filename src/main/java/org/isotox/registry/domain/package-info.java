/**
 * ClinicalTrials.gov registry sync, the pure part: the API v2 study record as plain records (field
 * names are the registry's, so that a JSON mapper reads and writes them as they are), the mapping of
 * the registry's overall status to FHIR ResearchStudy status codes, the aggregation of results from
 * plain per-subject values, and the rules an exported record must meet before the registry would
 * accept it.
 */
package org.isotox.registry.domain;
