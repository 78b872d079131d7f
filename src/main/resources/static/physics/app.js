// Physics sign-off (physicist, radiation oncologist): a plan's cumulative DVHs from the planning
// system's CSV, mapped to TG-263; the isotoxic dose and each constraint's margin ($isotoxic-prescription);
// the DVHs stored and the prescription created; each practitioner's approval (a Provenance naming the
// fhirUser of his token), and the activation the server allows only after two different approvers.
import { parts, value, reference } from '../smart/fhir.js';
import { openSession, pageFailed } from '../smart/session.js';
import { submit, waitFor, element, choices, today } from '../smart/form.js';
import { fillTable } from '../smart/table.js';
import { subjectLabel } from '../smart/trial.js';
import { parseDvhCsv, tg263Of } from './dvh-csv.js';

const TG263 = 'http://www.aapm.org/TG263';
const ISOTOX = 'https://isotox.org/fhir/CodeSystem/isotox';
const SD = 'https://isotox.org/fhir/StructureDefinition/';
const SCT = 'http://snomed.info/sct';
const gray = (value) => ({ value, unit: 'Gy', system: 'http://unitsofmeasure.org', code: 'Gy' });

const round = (number) => (number === undefined ? undefined : Math.round(number * 100) / 100);

const state = { structures: [], result: null, prescription: null };

async function readDvhs(form, codes) {
  const file = form.elements.file.files[0];
  const text = file ? await file.text() : form.elements.csv.value;
  const table = form.querySelector('.structures');
  table.replaceChildren();
  state.structures = await submit(form, 'reading the export', async () => parseDvhCsv(text));
  if (!state.structures) {
    return;
  }
  fillTable(table, [['structure', 'TG-263', 'points', 'units'], ...state.structures.map((s) => [s.name, '', s.curve.length, `${s.doseUnit}, ${s.volumeUnit === 'cm3' ? 'cm³ → %' : '%'}`])]);
  [...table.tBodies[0].rows].forEach((row, i) => {
    const select = document.createElement('select');
    select.name = 'tg263';
    choices(select, codes.map((c) => ({ value: c, label: c })), 'not used');
    select.value = tg263Of(state.structures[i].name, codes) || '';
    select.onchange = () => { state.structures[i].code = select.value; };
    state.structures[i].code = select.value;
    row.cells[1].appendChild(select);
  });
}

function mapped() {
  return state.structures.filter((s) => s.code);
}

async function compute(fhir, trial, form) {
  const referenceDose = Number(form.elements.referenceDose.value);
  const input = {
    resourceType: 'Parameters',
    parameter: [
      { name: 'study', valueReference: { reference: `ResearchStudy/${trial.study.id}` } },
      { name: 'referenceDose', valueQuantity: gray(referenceDose) },
      ...mapped().map((s) => ({
        name: 'dvh',
        part: [{ name: 'structure', valueCoding: { system: TG263, code: s.code } },
          ...s.curve.map((p) => ({ name: 'point', part: [{ name: 'dose', valueQuantity: gray(p.dose) }, { name: 'volume', valueDecimal: p.volume }] }))],
      })),
    ],
  };
  const result = await submit(form, 'computing the isotoxic dose', () => fhir.post('$isotoxic-prescription', input));
  if (!result) {
    return;
  }
  state.result = result;
  const section = document.getElementById('result');
  section.hidden = false;
  const total = value(result, 'totalDose');
  const dose = section.querySelector('.dose');
  dose.textContent = value(result, 'feasible')
    ? `Isotoxic dose ${total.value} Gy in ${value(result, 'fractions')} fractions of ${value(result, 'fractionDose').value} Gy; limited by ${value(result, 'limitingConstraint')}`
    : `No dose the study allows meets every limit (${value(result, 'limitingConstraint')})`;
  dose.dataset.totalDose = total?.value ?? '';
  const q = (part, name) => round(value(part, name)?.value);
  fillTable(section.querySelector('.constraints'), [['constraint', 'value', 'limit', 'margin', 'met'],
    ...parts(result, 'constraint').map((c) => [value(c, 'name'), q(c, 'value'), q(c, 'limit'), q(c, 'margin'), value(c, 'met') ? 'yes' : 'NO'])]);
  section.querySelector('.warnings').replaceChildren(...parts(result, 'warning').map((w) => element('li', w.valueString)));
  document.getElementById('prescription').hidden = !value(result, 'feasible');
}

function dvhObservation(patient, referenceDose, structure) {
  return {
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: ISOTOX, code: 'dvh', display: 'Dose-volume histogram' }] },
    subject: { reference: patient },
    bodySite: { coding: [{ system: TG263, code: structure.code }] },
    component: [
      { code: { coding: [{ system: ISOTOX, code: 'reference-dose' }] }, valueQuantity: gray(referenceDose) },
      ...structure.curve.map((p) => ({
        code: { coding: [{ system: ISOTOX, code: 'dvh-point' }] },
        valueQuantity: { value: p.volume, unit: '%', system: 'http://unitsofmeasure.org', code: '%' },
        extension: [{ url: `${SD}dvh-point-dose`, valueQuantity: gray(p.dose) }],
      })),
    ],
  };
}

async function create(fhir, subject, plan, form) {
  const referenceDose = Number(plan.elements.referenceDose.value);
  const dvhs = {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: mapped().map((s) => ({ resource: dvhObservation(subject.patient, referenceDose, s), request: { method: 'POST', url: 'Observation' } })),
  };
  if (!await submit(form, 'storing the DVHs', () => fhir.post('', dvhs))) {
    return;
  }
  const result = state.result;
  const prescription = {
    resourceType: 'ServiceRequest',
    status: 'draft',
    intent: 'original-order',
    subject: { reference: subject.patient },
    authoredOn: today(),
    category: [{ coding: [{ system: SCT, code: '1287742003', display: 'Radiotherapy (procedure)' }] }],
    code: { coding: [{ system: SCT, code: '1222565005', display: 'Radiotherapy treatment phase (regime/therapy)' }] },
    extension: [{
      url: `${SD}dose-prescribed-to-volume`,
      extension: [
        { url: 'volume', valueCodeableConcept: { coding: [{ system: TG263, code: 'PTV' }] } },
        { url: 'fractionDose', valueQuantity: value(result, 'fractionDose') },
        { url: 'totalDose', valueQuantity: value(result, 'totalDose') },
        { url: 'fractions', valuePositiveInt: value(result, 'fractions') },
      ],
    }],
  };
  const created = await submit(form, 'creating the prescription (the study\'s dose rules)', () => fhir.create(prescription));
  if (created) {
    state.prescription = created;
    await showPrescription(fhir, form);
  }
}

function versioned(prescription) {
  return `${reference(prescription)}/_history/${prescription.meta.versionId}`;
}

async function showPrescription(fhir, form) {
  const prescription = state.prescription;
  const current = form.querySelector('.current');
  current.textContent = `${versioned(prescription)}: ${prescription.status}`;
  form.dataset.prescription = reference(prescription);
  form.dataset.status = prescription.status;
  const approvals = await waitFor('reading the approvals', () => fhir.search(`Provenance?target=${reference(prescription)}&_count=50`));
  form.querySelector('.approvals').replaceChildren(...approvals
    .filter((p) => p.target.some((t) => t.reference === versioned(prescription)))
    .map((p) => element('li', `${p.agent[0].role?.[0]?.coding?.[0]?.code} by ${p.agent[0].who.reference} on ${p.recorded}`)));
}

async function approve(fhir, form, fhirUser) {
  const approval = {
    resourceType: 'Provenance',
    target: [{ reference: versioned(state.prescription) }],
    recorded: new Date().toISOString(),
    agent: [{ who: { reference: fhirUser }, role: [{ coding: [{ system: ISOTOX, code: form.elements.role.value }] }] }],
  };
  if (await submit(form, 'recording your approval', () => fhir.create(approval))) {
    await showPrescription(fhir, form);
  }
}

async function activate(fhir, form) {
  const active = await submit(form, 'activating (the server checks both approvals)',
    () => fhir.update({ ...state.prescription, status: 'active' }));
  if (active) {
    state.prescription = active;
    await showPrescription(fhir, form);
  }
}

/** The subject's prescription waiting for sign-off, if any: the second approver signs in later, elsewhere. */
async function openDraft(fhir, subject, form) {
  state.prescription = null;
  form.hidden = true;
  if (!subject) {
    return;
  }
  const [draft] = await waitFor('looking for a prescription waiting for sign-off', () => fhir.search(
    `ServiceRequest?subject=${subject.patient}&code=${encodeURIComponent(`${SCT}|1222565005`)}&status=draft&_sort=-_lastUpdated&_count=1`));
  if (draft) {
    state.prescription = draft;
    form.hidden = false;
    await showPrescription(fhir, form);
  }
}

async function main() {
  const { fhir, trial, claims } = await waitFor('signing in and reading the study', openSession);
  const [tg263] = await waitFor('reading the TG-263 structure names', () => fhir.search(`CodeSystem?url=${encodeURIComponent(TG263)}`));
  const codes = tg263.concept.map((c) => c.code);
  const plan = document.getElementById('plan');
  const form = document.getElementById('prescription');
  choices(plan.elements.subject, trial.subjects.map((s) => ({ value: s.reference, label: subjectLabel(s) })), 'choose a subject');
  const subject = () => trial.subjects.find((s) => s.reference === plan.elements.subject.value);
  plan.elements.subject.onchange = () => openDraft(fhir, subject(), form).catch(pageFailed);
  plan.querySelector('.read').onclick = () => readDvhs(plan, codes).catch(pageFailed);
  plan.onsubmit = (e) => { e.preventDefault(); compute(fhir, trial, plan).catch(pageFailed); };
  form.querySelector('.create').onclick = () => create(fhir, subject(), plan, form).catch(pageFailed);
  const approver = form.querySelector('.approver');
  if (claims.fhirUser) {
    approver.textContent = claims.fhirUser;
    form.querySelector('.approve').onclick = () => approve(fhir, form, claims.fhirUser).catch(pageFailed);
  } else {
    approver.textContent = 'nobody: your sign-in names no practitioner (the token has no fhirUser), so you cannot approve';
    form.querySelector('.approve').disabled = true;
  }
  form.querySelector('.activate').onclick = () => activate(fhir, form).catch(pageFailed);
  document.body.dataset.state = 'ready';
}

main().catch(pageFailed);
