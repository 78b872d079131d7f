// The trial dashboard: signs in, then fills each panel from the FHIR API and the trial's
// $operations. A panel that fails shows why and leaves the others alone.
import { value } from '../smart/fhir.js';
import { openSession, pageFailed } from '../smart/session.js';
import { Panel } from './panel.js';
import { drawEnrolment, simonNumbers } from './panels/enrolment.js';
import { drawSafety, drawToxicityTable } from './panels/safety.js';
import { loadPrescriptions, drawDoses, drawDvh } from './panels/dose.js';
import { endpointOf, populationsOf, drawSurvival, PROTOCOL_POPULATION } from './panels/survival.js';
import { drawSwimmer } from './panels/swimmer.js';
import { drawOverdue } from './panels/overdue.js';

async function run(panel, work) {
  try {
    await work(panel);
  } catch (error) {
    panel.failed(error);
  }
}

async function main() {
  const { fhir, trial } = await openSession();
  document.body.dataset.subjects = trial.subjects.length;
  const asOf = new Date().toISOString().substring(0, 10);

  const panels = Object.fromEntries(['enrolment', 'safety', 'toxicities', 'doses', 'dvh', 'os', 'pfs', 'swimmer', 'overdue']
    .map((id) => [id, new Panel(id)]));
  window.isotoxDashboard = { trial, panels }; // for a look from the browser console, and for the browser test
  const simon = fhir.get(`ResearchStudy/${trial.study.id}/$simon-status`).then(simonNumbers);
  const endpoints = fhir.get(`ResearchStudy/${trial.study.id}/$endpoints`);
  const prescriptions = loadPrescriptions(fhir, trial);
  await Promise.all([
    run(panels.enrolment, async (p) => drawEnrolment(p, trial, await simon)),
    run(panels.safety, async (p) => drawSafety(p, await simon)),
    run(panels.toxicities, (p) => drawToxicityTable(p, fhir, trial)),
    run(panels.doses, async (p) => drawDoses(p, await prescriptions)),
    run(panels.dvh, async (p) => showDvhs(p, fhir, await prescriptions)),
    run(panels.os, async (p) => showSurvival(p, await endpoints, 'OS', 'Overall survival')),
    run(panels.pfs, async (p) => showSurvival(p, await endpoints, 'PFS', 'Progression-free survival')),
    run(panels.swimmer, (p) => drawSwimmer(p, fhir, trial)),
    run(panels.overdue, (p) => drawOverdue(p, fhir, trial, asOf)),
  ]);
  document.body.dataset.state = 'ready';
}

// The protocol's population unless the user picks another one that $endpoints reports.
function showSurvival(panel, endpoints, name, label) {
  const select = panel.element('select');
  select.replaceChildren(...populationsOf(endpoints).map((p) => new Option(p.display, p.code)));
  select.value = PROTOCOL_POPULATION;
  const draw = () => drawSurvival(panel, endpointOf(endpoints, name, select.value), label);
  select.onchange = () => run(panel, draw);
  draw();
}

async function showDvhs(panel, fhir, prescriptions) {
  const select = panel.element('select');
  const feasible = prescriptions.filter((p) => value(p.prescription, 'feasible'));
  const choices = feasible.length ? feasible : prescriptions;
  if (!choices.length) {
    panel.note('No subject has stored DVHs yet.');
    panel.done('empty');
    return;
  }
  select.replaceChildren(...choices.map((p, i) => new Option(p.subject.reference, i)));
  select.onchange = () => run(panel, () => drawDvh(panel, fhir, choices[select.value]));
  await drawDvh(panel, fhir, choices[0]);
}

main().catch(pageFailed);
