// RECIST 1.1 entry (investigator or radiologist): the target and non-target lesions of a subject at
// baseline and at each scan, saved as lesion measurement Observations in one transaction per scan;
// the time-point responses and the best overall response are the server's, read back after it.
import { reference } from '../smart/fhir.js';
import { openSession, pageFailed } from '../smart/session.js';
import { submit, waitFor, element, choices, today } from '../smart/form.js';
import { subjectLabel } from '../smart/trial.js';
import { fillTable } from '../smart/table.js';

const ISOTOX = 'https://isotox.org/fhir/CodeSystem/isotox';
const STATUS = 'https://isotox.org/fhir/CodeSystem/recist-lesion-status';
const UCUM = 'http://unitsofmeasure.org';
const KINDS = [['target', 'target'], ['non-target', 'non-target'], ['new', 'new lesion']];
const STATUSES = [['present', 'present'], ['absent', 'absent'], ['unequivocal-progression', 'unequivocal progression']];

function component(observation, code) {
  const found = (observation.component || []).find((c) => c.code.coding.some((k) => k.code === code));
  if (!found) {
    return undefined;
  }
  return found[Object.keys(found).find((k) => k.startsWith('value'))];
}

/** A stored measurement as the form shows it. */
function lesionOf(observation) {
  const kind = component(observation, 'recist-new-lesion') ? 'new' : component(observation, 'recist-target-lesion') ? 'target' : 'non-target';
  return {
    date: observation.effectiveDateTime.substring(0, 10),
    id: component(observation, 'recist-lesion-id'),
    kind,
    node: !!component(observation, 'recist-lymph-node'),
    inField: !!component(observation, 'recist-lesion-in-field'),
    diameter: observation.valueQuantity?.value,
    status: observation.valueCodeableConcept?.coding?.[0]?.code,
  };
}

function addLesion(container, lesion = {}) {
  const row = element('fieldset', undefined, 'lesion');
  row.innerHTML = `<label>Lesion <input name="id" required></label>
    <label>Kind <select name="kind">${KINDS.map(([v, l]) => `<option value="${v}">${l}</option>`).join('')}</select></label>
    <label><input type="checkbox" name="node"> lymph node</label>
    <label><input type="checkbox" name="inField"> in the radiation field</label>
    <label class="field diameter" data-expression="Observation.value">Longest diameter (short axis for a node), mm
      <input name="diameter" type="number" min="0" step="0.1" inputmode="decimal"></label>
    <label class="field status" data-expression="Observation.value">Status
      <select name="status">${STATUSES.map(([v, l]) => `<option value="${v}">${l}</option>`).join('')}</select></label>`;
  const f = (name) => row.querySelector(`[name=${name}]`);
  f('id').value = lesion.id || '';
  f('kind').value = lesion.kind || 'target';
  f('node').checked = !!lesion.node;
  f('inField').checked = !!lesion.inField;
  const showValue = () => {
    row.querySelector('.diameter').hidden = f('kind').value !== 'target';
    row.querySelector('.status').hidden = f('kind').value === 'target';
  };
  f('kind').onchange = showValue;
  showValue();
  container.appendChild(row);
}

function measurement(patient, date, row) {
  const f = (name) => row.querySelector(`[name=${name}]`);
  const kind = f('kind').value;
  const flag = (code, value) => ({ code: { coding: [{ system: ISOTOX, code }] }, valueBoolean: value });
  const observation = {
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: ISOTOX, code: 'recist-lesion-measurement', display: 'RECIST lesion measurement' }] },
    subject: { reference: patient },
    effectiveDateTime: date,
    component: [
      { code: { coding: [{ system: ISOTOX, code: 'recist-lesion-id' }] }, valueString: f('id').value.trim() },
      flag('recist-target-lesion', kind === 'target'),
      flag('recist-lymph-node', f('node').checked),
      flag('recist-lesion-in-field', f('inField').checked),
    ],
  };
  if (kind === 'new') {
    observation.component.push(flag('recist-new-lesion', true));
  }
  if (kind === 'target') {
    observation.valueQuantity = { value: Number(f('diameter').value), unit: 'mm', system: UCUM, code: 'mm' };
  } else {
    observation.valueCodeableConcept = { coding: [{ system: STATUS, code: f('status').value }] };
  }
  return observation;
}

/** A table of rows under their header, or nothing when there are no rows. */
function table(node, rows) {
  fillTable(node, rows.length > 1 ? rows : []);
}

/** Reads the subject's measurements and derived responses; prepares the next scan's rows from the baseline's lesions. */
async function showSubject(fhir, subject) {
  const section = document.getElementById('subject');
  const form = document.getElementById('scan');
  const [measurements, derived] = await waitFor('reading the subject\'s measurements and responses', () => Promise.all([
    fhir.search(`Observation?subject=${subject.patient}&code=${ISOTOX}|recist-lesion-measurement&_sort=date&_count=500`),
    fhir.search(`Observation?subject=${subject.patient}&code=${ISOTOX}|recist-timepoint-response,${ISOTOX}|recist-best-overall-response&_sort=date&_count=200`),
  ]));
  const lesions = measurements.map(lesionOf);
  table(section.querySelector('.measurements'), [['date', 'lesion', 'kind', 'diameter mm / status'],
    ...lesions.map((l) => [l.date, l.id, `${l.kind}${l.node ? ', node' : ''}${l.inField ? ', in field' : ''}`, l.diameter ?? l.status])]);
  const isCode = (o, code) => o.code.coding.some((c) => c.code === code);
  const timepoints = derived.filter((o) => isCode(o, 'recist-timepoint-response'));
  const code = (value) => value?.coding?.[0]?.code;
  table(section.querySelector('.responses'), [['date', 'overall', 'target', 'non-target', 'sum mm', 'new lesion'],
    ...timepoints.map((o) => [o.effectiveDateTime.substring(0, 10), code(o.valueCodeableConcept),
      code(component(o, 'recist-target-response')), code(component(o, 'recist-nontarget-response')),
      component(o, 'recist-sum-of-diameters')?.value, component(o, 'recist-new-lesion') ? 'yes' : 'no'])]);
  const best = derived.find((o) => isCode(o, 'recist-best-overall-response'));
  const bestNode = section.querySelector('.best');
  bestNode.textContent = best
    ? `Best overall response: ${code(best.valueCodeableConcept)} (${reference(best)})`
    : 'No best overall response yet: it needs a baseline and a later scan.';
  bestNode.dataset.response = best ? code(best.valueCodeableConcept) : '';
  section.dataset.timepoints = timepoints.map((o) => `${o.effectiveDateTime.substring(0, 10)}:${code(o.valueCodeableConcept)}`).join(' ');

  const baselineDate = lesions[0]?.date;
  const baseline = lesions.filter((l) => l.date === baselineDate);
  form.querySelector('.title').textContent = baseline.length ? `Follow-up scan (baseline ${baselineDate})` : 'Baseline scan';
  const rows = form.querySelector('.lesions');
  rows.replaceChildren();
  if (baseline.length) {
    baseline.forEach((l) => addLesion(rows, { ...l, diameter: undefined, status: undefined }));
  } else {
    addLesion(rows);
  }
}

async function save(fhir, subject, form) {
  const date = form.elements.date.value;
  const bundle = {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [...form.querySelectorAll('.lesion')].map((row) => ({
      resource: measurement(subject.patient, date, row),
      request: { method: 'POST', url: 'Observation' },
    })),
  };
  const answer = await submit(form, 'storing the scan and deriving its response', () => fhir.post('', bundle));
  if (answer) {
    form.dataset.saved = date;
    await showSubject(fhir, subject);
  }
}

async function main() {
  const { fhir, trial } = await waitFor('signing in and reading the study', openSession);
  const select = document.querySelector('#subject [name=subject]');
  const form = document.getElementById('scan');
  choices(select, trial.subjects.map((s) => ({ value: s.reference, label: subjectLabel(s) })), 'choose a subject');
  const subject = () => trial.subjects.find((s) => s.reference === select.value);
  select.onchange = () => showSubject(fhir, subject()).catch(pageFailed);
  form.elements.date.value = today();
  form.querySelector('.add-lesion').onclick = () => addLesion(form.querySelector('.lesions'));
  form.onsubmit = (e) => {
    e.preventDefault();
    if (subject()) {
      save(fhir, subject(), form).catch(pageFailed);
    }
  };
  document.body.dataset.state = 'ready';
}

main().catch(pageFailed);
