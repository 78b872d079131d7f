// The visit form (investigator): for a subject and a scheduled activity (its Task), the visit
// (a finished Encounter, which fulfils the visit's Task), CTCAE gradings offering only the grades the
// terminology defines for the term, Karnofsky, and a radiotherapy stop or the cause of a break; the
// subject's overdue activities. Each record is its own write, so a refusal stands next to its field.
import { reference } from '../smart/fhir.js';
import { subjectLabel } from '../smart/trial.js';
import { openSession, pageFailed } from '../smart/session.js';
import { submit, waitFor, element, choices, today, clearIssues } from '../smart/form.js';

const NCIT = 'http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl';
const LOINC = 'http://loinc.org';
const SCT = 'http://snomed.info/sct';
const ISOTOX = 'https://isotox.org/fhir/CodeSystem/isotox';
const INTERRUPTION = 'https://isotox.org/fhir/StructureDefinition/treatment-interruption';
const SCHEDULED = 'https://isotox.org/fhir/sid/scheduled-activity';
const REFUSAL = { system: SCT, code: '105480006', display: 'Refusal of treatment by patient' };
// mCODE's termination reason that a stop for a toxicity names beside its CTCAE term
const NOT_TOLERATED = { system: SCT, code: '407563006', display: 'Treatment not tolerated' };

/** The CTCAE terms and grade codes of the terminology, read from the server's NCIt CodeSystem. */
async function loadCtcae(fhir) {
  const [codeSystem] = await fhir.search(`CodeSystem?url=${encodeURIComponent(NCIT)}`);
  const property = (concept, code) => (concept.property || []).find((p) => p.code === code)?.valueInteger;
  const concepts = [];
  const walk = (list) => (list || []).forEach((c) => { concepts.push(c); walk(c.concept); });
  walk(codeSystem.concept);
  const grades = concepts.filter((c) => property(c, 'ctcae-grade') !== undefined)
    .map((c) => ({ code: c.code, grade: property(c, 'ctcae-grade'), display: c.display }));
  const terms = concepts.filter((c) => property(c, 'ctcae-min-grade') !== undefined)
    .map((c) => ({ code: c.code, display: c.display, min: property(c, 'ctcae-min-grade'), max: property(c, 'ctcae-max-grade') }))
    .sort((a, b) => a.display.localeCompare(b.display));
  return { terms, grades };
}

/** A grading row: the term, then only the grades it has (grade 0: assessed and absent). */
function addGrading(ctcae, container) {
  const row = element('div', undefined, 'grading');
  row.innerHTML = `<label>Term <select name="term"></select></label>
    <label class="field" data-expression="Observation.value">Grade <select name="grade"></select></label>
    <div class="issues"></div>`;
  const term = row.querySelector('[name=term]');
  const grade = row.querySelector('[name=grade]');
  choices(term, ctcae.terms.map((t) => ({ value: t.code, label: t.display })), 'choose the term');
  term.onchange = () => {
    const chosen = ctcae.terms.find((t) => t.code === term.value);
    const offered = ctcae.grades.filter((g) => chosen && (g.grade === 0 || (g.grade >= chosen.min && g.grade <= chosen.max)));
    choices(grade, offered.map((g) => ({ value: g.code, label: `${g.grade}: ${g.display}` })), 'choose the grade');
  };
  term.onchange();
  container.appendChild(row);
}

function taskLabel(task) {
  const day = (task.input || []).find((i) => i.type?.coding?.[0]?.code === 'scheduled-date')?.valueDate;
  const window = task.executionPeriod ? ` (window ${task.executionPeriod.start} to ${task.executionPeriod.end})` : '';
  return `${task.description || task.code?.coding?.[0]?.display || task.code?.coding?.[0]?.code} · ${day || 'undated'}${window}`;
}

async function showSubject(fhir, state) {
  const subject = state.subject();
  const overdue = document.querySelector('#subject .overdue');
  if (!subject) {
    return;
  }
  const [tasks, late, courses] = await waitFor('reading the subject\'s schedule and radiotherapy course', () => Promise.all([
    fhir.search(`Task?focus=${subject.reference}&status=requested&_count=200`),
    fhir.search(`Task?focus=${subject.reference}&identifier=${encodeURIComponent(`${SCHEDULED}|`)}&status=requested&period=eb${today()}&_count=200`),
    fhir.search(`Procedure?subject=${subject.patient}&code=${encodeURIComponent(`${SCT}|1217123003`)}`),
  ]));
  state.tasks = new Map(tasks.map((t) => [reference(t), t]));
  const byDay = (a, b) => (a.executionPeriod?.start || '').localeCompare(b.executionPeriod?.start || '');
  choices(document.querySelector('#subject [name=task]'), tasks.sort(byDay).map((t) => ({ value: reference(t), label: taskLabel(t) })), 'the activity this visit is for');
  overdue.replaceChildren(...late.sort(byDay).map((t) => {
    const item = element('li', `${taskLabel(t)}: overdue since ${t.executionPeriod.end}`);
    item.dataset.task = reference(t);
    return item;
  }));
  if (!late.length) {
    overdue.appendChild(element('li', 'Nothing overdue.'));
  }
  state.course = courses.find((c) => c.status === 'in-progress' || c.status === 'stopped') || courses[0] || null;
  showCourse(state);
}

function showCourse(state) {
  const course = state.course;
  const form = document.getElementById('visit');
  form.querySelector('.course-state').textContent = course
    ? `Course ${reference(course)}: ${course.status}${course.performedPeriod ? `, ${course.performedPeriod.start || ''} to ${course.performedPeriod.end || ''}` : ''}`
    : 'No radiotherapy course recorded.';
  form.querySelectorAll('.stop').forEach((s) => { s.hidden = !course || course.status !== 'in-progress'; });
  const breaks = form.querySelector('.breaks');
  breaks.replaceChildren();
  (course?.extension || []).filter((e) => e.url === INTERRUPTION).forEach((interruption, index) => {
    const period = interruption.extension.find((e) => e.url === 'period')?.valuePeriod || {};
    const reason = interruption.extension.find((e) => e.url === 'reason')?.valueCodeableConcept?.coding?.[0]?.code || '';
    const label = element('label', `Cause of the break ${period.start} to ${period.end}`, 'field');
    label.dataset.expression = `Procedure.extension[${index}]`;
    const select = document.createElement('select');
    select.name = 'breakReason';
    select.dataset.index = index;
    choices(select, state.ctcae.terms.map((t) => ({ value: t.code, label: t.display })), 'no cause given');
    select.value = reason;
    label.appendChild(select);
    breaks.appendChild(label);
  });
}

/** The course summary with the stop and the causes of its breaks, or null when the form changes nothing. */
function changedCourse(state, form) {
  const course = state.course;
  if (!course) {
    return null;
  }
  const changed = structuredClone(course);
  let changes = 0;
  const interruptions = (changed.extension || []).filter((e) => e.url === INTERRUPTION);
  form.querySelectorAll('[name=breakReason]').forEach((select) => {
    const interruption = interruptions[Number(select.dataset.index)];
    const before = interruption.extension.find((e) => e.url === 'reason');
    if ((before?.valueCodeableConcept?.coding?.[0]?.code || '') === select.value) {
      return;
    }
    interruption.extension = interruption.extension.filter((e) => e.url !== 'reason');
    if (select.value) {
      interruption.extension.push({ url: 'reason', valueCodeableConcept: { coding: [ncit(state, select.value)] } });
    }
    changes += 1;
  });
  if (form.elements.stop.checked && course.status === 'in-progress') {
    changed.status = 'stopped';
    const reason = form.elements.stopReason.value;
    if (reason) {
      changed.statusReason = { coding: reason === REFUSAL.code ? [REFUSAL] : [ncit(state, reason), NOT_TOLERATED] };
    }
    changes += 1;
  }
  return changes ? changed : null;
}

function ncit(state, code) {
  return { system: NCIT, code, display: state.ctcae.terms.find((t) => t.code === code)?.display };
}

function observation(patient, date, code, value) {
  return { resourceType: 'Observation', status: 'final', code: { coding: [code] }, subject: { reference: patient }, effectiveDateTime: date, ...value };
}

/**
 * Writes the visit's records one by one: gradings, Karnofsky, the course, and the Encounter last (it
 * fulfils the visit's Task). A refused record stops the rest; those already stored are not sent again.
 */
async function record(fhir, state, form) {
  const subject = state.subject();
  clearIssues(form);
  if (!subject) {
    form.querySelector('.issues').appendChild(element('p', 'Choose a subject first.', 'issue'));
    return;
  }
  const date = form.elements.date.value;
  const saved = form.querySelector('.saved');
  const store = async (scope, what, resource, write = (r) => fhir.create(r)) => {
    const stored = await submit(scope, what, () => write(resource));
    if (stored) {
      saved.appendChild(element('li', `${what}: ${reference(stored)}`));
    }
    return stored;
  };
  for (const row of form.querySelectorAll('.grading:not([data-stored])')) {
    const term = row.querySelector('[name=term]');
    const grade = row.querySelector('[name=grade]');
    if (!term.value) {
      continue;
    }
    const stored = await store(row, `grading of ${term.selectedOptions[0].text}`, observation(subject.patient, date,
      ncit(state, term.value), { valueCodeableConcept: { coding: [{ system: NCIT, code: grade.value, display: grade.selectedOptions[0].text }] } }));
    if (!stored) {
      return;
    }
    row.dataset.stored = reference(stored);
    row.querySelectorAll('select').forEach((s) => { s.disabled = true; });
  }
  const karnofsky = form.elements.karnofsky;
  if (karnofsky.value && !karnofsky.dataset.stored) {
    const stored = await store(karnofsky.closest('.field'), 'Karnofsky performance status', observation(subject.patient, date,
      { system: LOINC, code: '89243-0', display: 'Karnofsky Performance Status score' }, { valueInteger: Number(karnofsky.value) }));
    if (!stored) {
      return;
    }
    karnofsky.dataset.stored = reference(stored);
  }
  const course = changedCourse(state, form);
  if (course) {
    const stored = await store(form.querySelector('.course'), 'radiotherapy course', course, (r) => fhir.update(r));
    if (!stored) {
      return;
    }
    state.course = stored;
    showCourse(state);
  }
  const visit = {
    resourceType: 'Encounter',
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' },
    subject: { reference: subject.patient },
    period: { start: date, end: date },
  };
  const stored = await store(form, 'visit', visit);
  if (stored) {
    form.dataset.visit = reference(stored);
    await showSubject(fhir, state);
  }
}

function resetVisit(state, form) {
  form.querySelector('.gradings').replaceChildren();
  form.querySelector('.saved').replaceChildren();
  clearIssues(form);
  delete form.dataset.visit;
  delete form.elements.karnofsky.dataset.stored;
  form.elements.karnofsky.value = '';
  form.elements.stop.checked = false;
  addGrading(state.ctcae, form.querySelector('.gradings'));
}

async function main() {
  const { fhir, trial } = await waitFor('signing in and reading the study', openSession);
  const ctcae = await waitFor('reading the CTCAE terms and grades', () => loadCtcae(fhir));
  const form = document.getElementById('visit');
  const subjectSelect = document.querySelector('#subject [name=subject]');
  const state = { ctcae, course: null, tasks: new Map(), subject: () => trial.subjects.find((s) => s.reference === subjectSelect.value) };
  choices(subjectSelect, trial.subjects.map((s) => ({
    value: s.reference, label: subjectLabel(s) })), 'choose a subject');
  choices(form.elements.karnofsky, [100, 90, 80, 70, 60, 50, 40, 30, 20, 10, 0].map((k) => ({ value: String(k), label: String(k) })), 'not assessed');
  choices(form.elements.stopReason, [...ctcae.terms.map((t) => ({ value: t.code, label: t.display })),
    { value: REFUSAL.code, label: REFUSAL.display }], 'choose the reason');
  form.elements.date.value = today();
  resetVisit(state, form);
  subjectSelect.onchange = () => { resetVisit(state, form); showSubject(fhir, state).catch(pageFailed); };
  document.querySelector('#subject [name=task]').onchange = (e) => {
    form.elements.date.value = visitDay(state.tasks.get(e.target.value));
  };
  form.querySelector('.add-grading').onclick = () => addGrading(ctcae, form.querySelector('.gradings'));
  form.onsubmit = (e) => { e.preventDefault(); record(fhir, state, form).catch(pageFailed); };
  document.body.dataset.state = 'ready';
}

/** Today when the activity's window holds it, else the day it was planned for (a visit recorded afterwards). */
function visitDay(task) {
  const window = task?.executionPeriod;
  if (!window || (window.start <= today() && today() <= window.end)) {
    return today();
  }
  return (task.input || []).find((i) => i.type?.coding?.[0]?.code === 'scheduled-date')?.valueDate || today();
}

main().catch(pageFailed);
