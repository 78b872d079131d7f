// Enrolment (investigator): find or register a patient of the site, check the study's eligibility
// criteria ($check-eligibility), and enrol (a ResearchSubject the server's enrolment gate decides on).
import { parts, value, extension, reference, personName } from '../smart/fhir.js';
import { openSession, pageFailed } from '../smart/session.js';
import { submit, waitFor, element, choices, today } from '../smart/form.js';

const SD = 'https://isotox.org/fhir/StructureDefinition/';

let chosen = null;

function choose(patient, form) {
  chosen = reference(patient);
  form.querySelector('.patient').textContent = `${personName(patient)} (${chosen}${patient.birthDate ? `, born ${patient.birthDate}` : ''})`;
  form.querySelector('.criteria').replaceChildren();
  form.querySelector('.gate').textContent = '';
  document.body.dataset.patient = chosen;
}

async function find(fhir, form, enrolForm) {
  const query = form.elements.query.value.trim();
  const list = form.querySelector('.found');
  list.replaceChildren();
  const found = await submit(form, 'searching the site\'s patients', async () => {
    const byName = await fhir.search(`Patient?name=${encodeURIComponent(query)}&_count=50`);
    return byName.length ? byName : fhir.search(`Patient?identifier=${encodeURIComponent(query)}&_count=50`);
  });
  if (!found) {
    return;
  }
  if (!found.length) {
    list.appendChild(element('li', 'No patient of yours matches; register him below.'));
  }
  found.forEach((patient) => {
    const item = element('li', `${personName(patient)} · ${patient.gender || ''} · ${patient.birthDate || ''} `);
    const button = element('button', 'Choose');
    button.type = 'button';
    button.dataset.patient = reference(patient);
    button.onclick = () => choose(patient, enrolForm);
    item.appendChild(button);
    list.appendChild(item);
  });
}

async function register(fhir, form, enrolForm) {
  const f = form.elements;
  const patient = {
    resourceType: 'Patient',
    name: [{ family: f.family.value.trim(), given: f.given.value.trim() ? [f.given.value.trim()] : undefined }],
    gender: f.gender.value,
    birthDate: f.birthDate.value || undefined,
  };
  const created = await submit(form, 'registering the patient', () => fhir.create(patient));
  if (created) {
    choose(created, enrolForm);
  }
}

async function checkEligibility(fhir, trial, form) {
  const list = form.querySelector('.criteria');
  list.replaceChildren();
  if (!chosen) {
    list.appendChild(element('li', 'Choose or register a patient first.'));
    return;
  }
  const date = form.elements.date.value;
  const report = await submit(form, 'checking eligibility',
    () => fhir.get(`ResearchStudy/${trial.study.id}/$check-eligibility?patient=${chosen}&date=${date}`));
  if (!report) {
    return;
  }
  form.dataset.eligible = value(report, 'eligible');
  list.appendChild(element('li', value(report, 'eligible') ? 'Eligible: every criterion is met.' : 'Not eligible yet: see the criteria not met or unknown.', 'verdict'));
  parts(report, 'criterion').forEach((criterion) => {
    const result = value(criterion, 'result');
    const item = element('li', '', 'criterion');
    item.dataset.code = value(criterion, 'code');
    item.dataset.result = result;
    item.append(element('strong', `${result}: `, `result-${result}`), element('span', value(criterion, 'description')),
      element('div', value(criterion, 'reason'), 'reason'));
    const evidence = parts(criterion, 'evidence').map((e) => e.valueReference.reference);
    if (evidence.length) {
      item.appendChild(element('div', `evidence: ${evidence.join(', ')}`, 'evidence'));
    }
    parts(criterion, 'settledBy').forEach((s) => item.appendChild(element('div', `would be settled by ${s.valueString}`, 'settled-by')));
    list.appendChild(item);
  });
}

async function enrol(fhir, trial, form) {
  const gate = form.querySelector('.gate');
  gate.textContent = '';
  if (!chosen) {
    gate.textContent = 'Choose or register a patient first.';
    return;
  }
  const subject = {
    resourceType: 'ResearchSubject',
    status: 'on-study',
    study: { reference: `ResearchStudy/${trial.study.id}` },
    individual: { reference: chosen },
    period: { start: form.elements.date.value },
    extension: [{ url: `${SD}research-subject-site`, valueReference: { reference: form.elements.site.value } }],
  };
  const enrolled = await submit(form, 'the enrolment gate (eligibility and the Simon design)', () => fhir.create(subject));
  if (enrolled) {
    const sequence = extension(enrolled, `${SD}enrolment-sequence`);
    const stage = extension(enrolled, `${SD}simon-stage`);
    gate.textContent = `Enrolled as ResearchSubject/${enrolled.id}: subject number ${sequence} of the study, Simon stage ${stage}.`;
    gate.className = 'field gate verdict';
    gate.dataset.subject = `ResearchSubject/${enrolled.id}`;
    gate.dataset.sequence = sequence;
    gate.dataset.stage = stage;
  }
}

/** The user's own site, or for the coordinator every site of the study. */
async function siteChoices(fhir, trial) {
  if (trial.userSite) {
    return [{ value: trial.userSite, label: trial.claims.isotox_site }];
  }
  const ids = (trial.study.site || []).map((s) => s.reference.split('/')[1]);
  if (!ids.length) {
    return [];
  }
  const locations = await fhir.search(`Location?_id=${ids.join(',')}`);
  return locations.filter((l) => l.managingOrganization).map((l) => ({ value: l.managingOrganization.reference, label: l.name || l.managingOrganization.reference }));
}

async function main() {
  const { fhir, trial } = await waitFor('signing in and reading the study', openSession);
  const [findForm, registerForm, enrolForm] = ['find', 'register', 'enrol'].map((id) => document.getElementById(id));
  enrolForm.elements.date.value = today();
  const sites = await waitFor('reading the study\'s sites', () => siteChoices(fhir, trial));
  choices(enrolForm.elements.site, sites, 'the site enrolling');
  enrolForm.elements.site.value = sites.length === 1 ? sites[0].value : '';
  findForm.onsubmit = (e) => { e.preventDefault(); find(fhir, findForm, enrolForm); };
  registerForm.onsubmit = (e) => { e.preventDefault(); register(fhir, registerForm, enrolForm); };
  enrolForm.querySelector('.check').onclick = () => checkEligibility(fhir, trial, enrolForm);
  enrolForm.onsubmit = (e) => { e.preventDefault(); enrol(fhir, trial, enrolForm); };
  document.body.dataset.state = 'ready';
}

main().catch(pageFailed);
