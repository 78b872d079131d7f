// Sign-in of a page the server serves (the dashboard, the forms) as a public SMART client:
// authorization code with PKCE (S256). The token lives in sessionStorage only (this tab, this
// page), never in a cookie the FHIR API would accept.

import { challengeOf, claimsOf, randomString } from '/smart/smart.js';

// The page's folder (/dashboard/, /visit/, ...): its registered redirect URI and its storage key.
const PAGE = location.pathname.replace(/[^/]*$/, '');
const KEY = `isotox${PAGE}`;

function stored() {
  return JSON.parse(sessionStorage.getItem(KEY) || '{}');
}

function store(values) {
  sessionStorage.setItem(KEY, JSON.stringify({ ...stored(), ...values }));
}

function redirectUri() {
  return `${location.origin}${PAGE}`;
}

async function startSignIn(config, study) {
  const verifier = randomString(48);
  const state = randomString(16);
  store({ verifier, state, study });
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    scope: config.scope,
    state,
    aud: new URL(config.fhirBase, location.href).href,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
  });
  location.assign(`${config.authorizationEndpoint}?${query}`);
}

async function exchange(config, code, state) {
  const saved = stored();
  if (state !== saved.state) {
    throw new Error('sign-in answer does not match the request (state)');
  }
  const response = await fetch(config.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri(),
      client_id: config.clientId,
      code_verifier: saved.verifier,
    }),
  });
  if (!response.ok) {
    throw new Error(`token request refused (${response.status})`);
  }
  const token = await response.json();
  store({ token: token.access_token, expires: Date.now() + token.expires_in * 1000, verifier: null, state: null });
}

/**
 * The signed-in session: {token, claims, study}. Redirects to the issuer when there is none; the
 * promise then never resolves.
 */
export async function signIn(config) {
  const params = new URLSearchParams(location.search);
  if (params.has('code')) {
    await exchange(config, params.get('code'), params.get('state'));
    history.replaceState(null, '', location.pathname);
  } else if (params.has('error')) {
    throw new Error(`sign-in failed: ${params.get('error')}`);
  }
  const session = stored();
  const study = params.get('study') || session.study || config.study;
  if (!session.token || session.expires < Date.now() + 60000 || (params.has('study') && study !== session.study)) {
    await startSignIn(config, study);
    return new Promise(() => {});
  }
  return { token: session.token, claims: claimsOf(session.token), study };
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}
