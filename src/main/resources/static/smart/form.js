// The forms' common behaviour: a status line that says what the page is waiting for, and the
// server's verdict shown in place: each OperationOutcome issue next to the field its expression names.
import { FhirError } from './fhir.js';

const status = () => document.getElementById('status');

/** Says what the page waits for until {@code work} is done (also in the body's data-waiting). */
export async function waitFor(what, work) {
  status().textContent = `Waiting for the server: ${what}…`;
  document.body.dataset.waiting = what;
  try {
    return await work();
  } finally {
    status().textContent = '';
    delete document.body.dataset.waiting;
  }
}

/**
 * Runs a write of {@code form}: clears its earlier issues, waits for the server, and on a refusal
 * shows the OperationOutcome's issues in place. Returns the answer, or null when refused.
 */
export async function submit(form, what, work) {
  clearIssues(form);
  try {
    return await waitFor(what, work);
  } catch (error) {
    showIssues(form, error instanceof FhirError && error.outcome
      ? error.outcome.issue
      : [{ severity: 'error', diagnostics: error.message }]);
    return null;
  }
}

export function clearIssues(form) {
  form.querySelectorAll('.issue').forEach((issue) => issue.remove());
}

/**
 * Each issue goes into the field whose data-expression is the longest prefix of the issue's
 * expression (Observation.value.coding[0] → the field of Observation.value); the others into the
 * form's .issues list.
 */
export function showIssues(form, issues) {
  const fields = [...form.querySelectorAll('[data-expression]')];
  issues.forEach((issue) => {
    const expression = (issue.expression || issue.location || [])[0] || '';
    const field = fields
      .map((f) => ({ f, length: Math.max(0, ...f.dataset.expression.split(' ').filter((e) => names(expression, e)).map((e) => e.length)) }))
      .filter((match) => match.length > 0)
      .sort((a, b) => b.length - a.length)[0]?.f;
    const line = document.createElement('p');
    line.className = `issue ${issue.severity || 'error'}`;
    line.setAttribute('role', 'alert');
    line.dataset.for = expression;
    line.textContent = issue.diagnostics || issue.details?.text || issue.code;
    (field || form.querySelector('.issues') || form).appendChild(line);
  });
}

/** Whether a FHIRPath {@code expression} names {@code element} or something inside it. */
function names(expression, element) {
  return expression === element || expression.startsWith(`${element}.`) || expression.startsWith(`${element}[`);
}

/** An element with text, for building result lists. */
export function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) {
    node.textContent = text;
  }
  if (className) {
    node.className = className;
  }
  return node;
}

/** Fills a select with {value, label} choices, the first one a prompt. */
export function choices(select, items, prompt) {
  select.replaceChildren(new Option(prompt, ''), ...items.map((item) => new Option(item.label, item.value)));
}

export function today() {
  return new Date().toISOString().substring(0, 10);
}
