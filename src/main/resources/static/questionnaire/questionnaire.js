// The patient's QLQ-C30 and QLQ-LC13, as a SMART standalone patient launch: renders the server's
// Questionnaires (item numbers and answer codes; the wording when the site has loaded its licensed text into
// item.text), saves the answers as a QuestionnaireResponse, and shows the scale scores the server derives.
import { FhirError, launch, showIssues, Status } from '/smart/smart.js';

const CLIENT = 'isotox-questionnaire';
const INSTRUMENTS = ['eortc-qlq-c30', 'eortc-qlq-lc13'];
const status = new Status(document.getElementById('status'));

function itemField(instrument, linkId) {
  return document.querySelector(`fieldset.item[data-instrument="${instrument}"][data-link-id="${CSS.escape(linkId)}"]`);
}

function render(questionnaire) {
  const section = document.createElement('section');
  section.className = 'instrument';
  section.dataset.instrument = questionnaire.id;
  const title = document.createElement('h2');
  title.textContent = questionnaire.title || questionnaire.name || questionnaire.id;
  section.append(title);
  for (const item of questionnaire.item || []) {
    const field = document.createElement('fieldset');
    field.className = 'item';
    field.dataset.instrument = questionnaire.id;
    field.dataset.linkId = item.linkId;
    const legend = document.createElement('legend');
    legend.textContent = `${item.prefix || item.linkId}. `;
    if (item.text) {
      legend.append(item.text);
    } else {
      const missing = document.createElement('span');
      missing.className = 'wording-missing';
      missing.textContent = '(wording not loaded: see the paper form)';
      legend.append(missing);
    }
    field.append(legend);
    const options = document.createElement('div');
    options.className = 'options';
    for (const option of item.answerOption || []) {
      const coding = option.valueCoding;
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'radio';
      input.name = `${questionnaire.id}/${item.linkId}`;
      input.value = coding.code;
      label.append(input, coding.display || coding.code);
      options.append(label);
    }
    field.append(options);
    section.append(field);
  }
  return section;
}

function response(questionnaire, patient) {
  const items = [];
  for (const item of questionnaire.item || []) {
    const chosen = document.querySelector(`input[name="${CSS.escape(`${questionnaire.id}/${item.linkId}`)}"]:checked`);
    if (chosen) {
      items.push({ linkId: item.linkId, answer: [{ valueCoding: { code: chosen.value } }] });
    }
  }
  return {
    resourceType: 'QuestionnaireResponse',
    questionnaire: questionnaire.url,
    status: 'completed',
    subject: { reference: `Patient/${patient}` },
    authored: new Date().toISOString(),
    item: items,
  };
}

// QuestionnaireResponse.item[i]... names the i-th answered item of the response sent
function fieldOfExpression(questionnaire, sent) {
  return (expression) => {
    const match = /^QuestionnaireResponse\.item\[(\d+)\]/.exec(expression);
    const item = match && sent.item[Number(match[1])];
    return item ? itemField(questionnaire.id, item.linkId) : null;
  };
}

async function showScores(fhir, saved) {
  const table = document.querySelector('#scores tbody');
  const rows = [];
  for (const reference of saved) {
    status.waitingFor(`the scores of ${reference}`);
    const scores = await fhir.search(`Observation?derived-from=${reference}&_count=50`);
    for (const score of scores) {
      const code = score.code.coding[0].code;
      const value = score.valueQuantity ? score.valueQuantity.value.toFixed(1) : 'not scored (too few answers)';
      rows.push([score.code.text || score.code.coding[0].display || code, value, code]);
    }
  }
  table.replaceChildren(...rows.map(([name, value, code]) => {
    const row = document.createElement('tr');
    row.dataset.scale = code;
    row.innerHTML = '<td></td><td></td>';
    row.cells[0].textContent = name;
    row.cells[1].textContent = value;
    return row;
  }));
  document.getElementById('scores').hidden = false;
}

async function save(fhir, session, questionnaires) {
  const saved = [];
  let refused = false;
  for (const questionnaire of questionnaires) {
    const sent = response(questionnaire, session.patient);
    if (sent.item.length === 0) {
      continue;
    }
    status.waitingFor(`the server to check and save your ${questionnaire.name || questionnaire.id} answers`);
    try {
      const stored = await fhir.create(sent);
      saved.push(`QuestionnaireResponse/${stored.id}`);
    } catch (error) {
      if (!(error instanceof FhirError) || !error.outcome) {
        throw error;
      }
      refused = true;
      showIssues(error.outcome, fieldOfExpression(questionnaire, sent), document.getElementById('general-issues'));
    }
  }
  if (refused) {
    status.set('error', 'The server did not accept some answers: see the notes next to them.');
    return;
  }
  if (saved.length === 0) {
    status.set('error', 'Answer at least one question before saving.');
    return;
  }
  document.querySelectorAll('.fhir-issue').forEach((element) => element.remove());
  await showScores(fhir, saved);
  status.done('Your answers are saved and scored.');
}

async function main() {
  status.waitingFor('you to sign in');
  const session = await launch({
    clientId: CLIENT,
    scope: 'openid fhirUser launch/patient patient/*.rs patient/QuestionnaireResponse.c',
    redirectPath: '/questionnaire/',
  });
  if (!session.patient) {
    throw new Error('The sign-in named no patient: sign in as a patient, or pick one.');
  }
  status.waitingFor('the questionnaires from the server');
  const questionnaires = await Promise.all(INSTRUMENTS.map((id) => session.fhir.get(`Questionnaire/${id}`)));
  document.getElementById('who').textContent = `Answers for Patient/${session.patient}`;
  document.getElementById('instruments').replaceChildren(...questionnaires.map(render));
  const form = document.getElementById('answers');
  form.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save(session.fhir, session, questionnaires).catch((error) => status.failed(error));
  });
  status.done('Ready: answer the questions, then save.');
}

main().catch((error) => status.failed(error));
