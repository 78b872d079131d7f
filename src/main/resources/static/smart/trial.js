// What every panel shares: the study, the subjects the signed-in user may see, their patients
// and sites. The server narrows the searches to the user's site for a site investigator.
import { extension, reference, personName } from './fhir.js';

const SD = 'https://isotox.org/fhir/StructureDefinition/';
const SITE_IDENTIFIER = 'https://isotox.org/fhir/sid/site';

export async function loadTrial(fhir, studyParam, claims) {
  const query = studyParam.includes('|') ? `identifier=${encodeURIComponent(studyParam)}` : `_id=${studyParam.replace('ResearchStudy/', '')}`;
  const [study] = await fhir.search(`ResearchStudy?${query}`);
  if (!study) {
    throw new Error(`no study ${studyParam}`);
  }
  const found = await fhir.search(`ResearchSubject?study=ResearchStudy/${study.id}&_include=ResearchSubject:individual&_count=500`);
  const patients = new Map(found.filter((r) => r.resourceType === 'Patient').map((p) => [reference(p), p]));
  const subjects = found.filter((r) => r.resourceType === 'ResearchSubject')
    .map((s) => ({
      id: s.id,
      reference: reference(s),
      patient: s.individual.reference,
      patientResource: patients.get(s.individual.reference),
      site: extension(s, `${SD}research-subject-site`)?.reference,
      sequence: extension(s, `${SD}enrolment-sequence`),
      enrolled: s.period?.start?.substring(0, 10),
      status: s.status,
    }))
    .sort((a, b) => (a.sequence ?? 1e9) - (b.sequence ?? 1e9) || (a.enrolled || '').localeCompare(b.enrolled || ''));
  const siteIds = [...new Set(subjects.map((s) => s.site).filter(Boolean))];
  const sites = new Map();
  if (siteIds.length) {
    const organizations = await fhir.search(`Organization?_id=${siteIds.map((s) => s.split('/')[1]).join(',')}`);
    organizations.forEach((o) => sites.set(reference(o), { name: o.name || siteCode(o) || o.id, code: siteCode(o) || o.name || o.id }));
  }
  const userSite = claims.isotox_site ? await siteOrganization(fhir, claims.isotox_site) : null;
  return {
    study, subjects, sites, userSite, claims,
    siteName: (ref) => sites.get(ref)?.name || ref || 'no site',
    siteCode: (ref) => sites.get(ref)?.code || ref || 'no site',
  };
}

async function siteOrganization(fhir, code) {
  const [organization] = await fhir.search(`Organization?identifier=${encodeURIComponent(`${SITE_IDENTIFIER}|${code}`)}`);
  return organization ? reference(organization) : null;
}

function siteCode(organization) {
  return (organization.identifier || []).find((i) => i.system === SITE_IDENTIFIER)?.value;
}

/** The patients of the subjects, in searches of at most 50 references each (URLs stay short). */
export async function searchByPatients(fhir, type, subjects, query) {
  const patients = [...new Set(subjects.map((s) => s.patient))];
  const results = [];
  for (let i = 0; i < patients.length; i += 50) {
    const chunk = patients.slice(i, i + 50).join(',');
    results.push(...await fhir.search(`${type}?subject=${chunk}&${query}&_count=500`));
  }
  return results;
}

/** Months (of 30.4375 days, as $endpoints counts them) from one ISO day to another. */
export function monthsBetween(from, to) {
  return (Date.parse(to.substring(0, 10)) - Date.parse(from.substring(0, 10))) / (86400000 * 30.4375);
}

export function round(value, digits = 2) {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}

/** How a subject is named in a choice: its number in the study, the patient's name, its reference. */
export function subjectLabel(subject) {
  return `${subject.sequence ? `#${subject.sequence} ` : ''}${personName(subject.patientResource) || subject.patient} (${subject.reference})`;
}
