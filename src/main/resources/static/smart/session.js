// What every page of the server does first: read its config.json, sign in, name the user, and load
// the study with the subjects the user may see. The page's header has #user, #sign-out, #study, #problem.
import { signIn, signOut } from './auth.js';
import { Fhir } from './fhir.js';
import { loadTrial } from './trial.js';

export async function openSession() {
  const config = await (await fetch('config.json')).json();
  const session = await signIn(config);
  const claims = session.claims;
  document.getElementById('user').textContent =
    `${claims.fhirUser || claims.sub} (${claims.isotox_role || 'no trial role'}${claims.isotox_site ? `, ${claims.isotox_site}` : ''})`;
  document.getElementById('sign-out').addEventListener('click', () => { signOut(); location.assign('/login?logout'); });
  const fhir = new Fhir(config.fhirBase, session.token);
  const trial = await loadTrial(fhir, session.study, claims);
  document.getElementById('study').textContent = trial.study.title || trial.study.id;
  document.body.dataset.study = trial.study.id;
  return { fhir, trial, claims };
}

/** A page that cannot go on says why, in its header. */
export function pageFailed(error) {
  document.getElementById('problem').textContent = error.message;
  document.body.dataset.state = 'error';
  console.error(error);
}
