// What every page of this server that is a SMART app shares: the standalone launch against the server's
// issuer (authorization code with PKCE S256), a FHIR client carrying the token, the server's verdict shown
// next to the fields it names, and a status line saying what the page waits for. Plain ES module, no build.

const BASE_CONFIG = '/smart/config.json';

function base64Url(buffer) {
  return btoa(String.fromCharCode(...new Uint8Array(buffer)))
    .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random URL-safe string of {bytes} random bytes (PKCE verifier, state). */
export function randomString(bytes) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** The PKCE S256 challenge of a verifier. */
export async function challengeOf(verifier) {
  return base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
}

/** The claims of a JWT's payload, as the issuer wrote them (not verified: the API does that). */
export function claimsOf(jwt) {
  const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(decodeURIComponent(escape(atob(payload))));
}

/**
 * Signs in as the app {clientId} with {scope}, coming back to {redirectPath} (a path of this server, registered
 * as the app's redirect URI). Resolves to the session {token, claims, patient, fhirUser, fhir} once signed in;
 * otherwise sends the browser to the issuer and never resolves. The token stays in this tab's sessionStorage.
 */
export async function launch({ clientId, scope, redirectPath }) {
  const config = await (await fetch(BASE_CONFIG)).json();
  const key = `isotox-smart:${clientId}`;
  const stored = () => JSON.parse(sessionStorage.getItem(key) || '{}');
  const store = (values) => sessionStorage.setItem(key, JSON.stringify({ ...stored(), ...values }));
  const redirectUri = `${location.origin}${redirectPath}`;
  const fhirBase = new URL(config.fhirBase, location.href).href;
  const params = new URLSearchParams(location.search);

  if (params.has('error')) {
    throw new Error(`sign-in refused: ${params.get('error_description') || params.get('error')}`);
  }
  if (params.has('code')) {
    if (params.get('state') !== stored().state) {
      throw new Error('the sign-in answer does not match this page\'s request (state)');
    }
    const response = await fetch(config.tokenEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri,
        client_id: clientId, code_verifier: stored().verifier,
      }),
    });
    if (!response.ok) {
      throw new Error(`the issuer refused the token (${response.status})`);
    }
    const token = await response.json();
    store({
      token: token.access_token, expires: Date.now() + token.expires_in * 1000, patient: token.patient,
      fhirUser: token.fhirUser, verifier: null, state: null,
    });
    history.replaceState(null, '', location.pathname);
  }
  const session = stored();
  if (!session.token || session.expires < Date.now() + 60000) {
    const verifier = randomString(48);
    const state = randomString(16);
    store({ verifier, state, token: null });
    const query = new URLSearchParams({
      response_type: 'code', client_id: clientId, redirect_uri: redirectUri, scope, state, aud: fhirBase,
      code_challenge: await challengeOf(verifier), code_challenge_method: 'S256',
    });
    location.assign(`${config.authorizationEndpoint}?${query}`);
    return new Promise(() => {});
  }
  return {
    token: session.token, claims: claimsOf(session.token), patient: session.patient, fhirUser: session.fhirUser,
    fhir: new Fhir(fhirBase.replace(/\/$/, ''), session.token),
  };
}

/** Forgets this app's sign-in in this tab. */
export function signOut(clientId) {
  sessionStorage.removeItem(`isotox-smart:${clientId}`);
}

/** The server's refusal: its HTTP status and OperationOutcome (when it sent one). */
export class FhirError extends Error {
  constructor(status, outcome, message) {
    super(message);
    this.status = status;
    this.outcome = outcome;
  }
}

/** A FHIR client: the bearer token on every request, JSON in and out, refusals as FhirError. */
export class Fhir {
  constructor(base, token) {
    this.base = base;
    this.token = token;
  }

  async request(method, path, body) {
    const url = path.startsWith('http') ? path : `${this.base}/${path}`;
    const headers = { Authorization: `Bearer ${this.token}`, Accept: 'application/fhir+json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/fhir+json';
      headers.Prefer = 'return=representation';
    }
    const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await response.json().catch(() => null);
    if (!response.ok) {
      const outcome = json?.resourceType === 'OperationOutcome' ? json : null;
      const first = outcome?.issue?.[0]?.diagnostics;
      throw new FhirError(response.status, outcome, `${method} ${path}: ${response.status}${first ? ` ${first}` : ''}`);
    }
    return json;
  }

  get(path) {
    return this.request('GET', path);
  }

  create(resource) {
    return this.request('POST', resource.resourceType, resource);
  }

  update(resource) {
    return this.request('PUT', `${resource.resourceType}/${resource.id}`, resource);
  }

  /** A transaction or batch ({@code path} empty) or an operation. */
  post(path, body) {
    return this.request('POST', path, body);
  }

  /** Every resource a search matches, following the paging links. */
  async search(path) {
    const resources = [];
    let bundle = await this.get(path);
    for (;;) {
      (bundle.entry || []).forEach((entry) => resources.push(entry.resource));
      const next = (bundle.link || []).find((link) => link.relation === 'next');
      if (!next) {
        return resources;
      }
      bundle = await this.get(next.url);
    }
  }
}

/**
 * Shows each issue of an OperationOutcome next to the field it names: {fieldOf(expression)} returns the element
 * an issue's FHIRPath ({issue.expression}) belongs to, or null; issues of no field go to {general}. Earlier
 * issues shown by this function are removed first. Returns the number of issues shown next to a field.
 */
export function showIssues(outcome, fieldOf, general) {
  document.querySelectorAll('.fhir-issue').forEach((element) => element.remove());
  let placed = 0;
  for (const issue of outcome?.issue || []) {
    const text = issue.diagnostics || issue.details?.text || issue.code;
    const field = (issue.expression || []).map(fieldOf).find(Boolean);
    const note = document.createElement('p');
    note.className = `fhir-issue fhir-issue-${issue.severity || 'error'}`;
    note.setAttribute('role', 'alert');
    note.textContent = text;
    if (field) {
      field.append(note);
      placed += 1;
    } else {
      general.append(note);
    }
  }
  return placed;
}

/** The status line of a page: what it is waiting for, or what went wrong. */
export class Status {
  constructor(element) {
    this.element = element;
  }

  waitingFor(what) {
    this.set('waiting', `Waiting for ${what}…`);
  }

  done(text) {
    this.set('ready', text);
  }

  failed(error) {
    this.set('error', error.message || String(error));
  }

  set(state, text) {
    this.element.dataset.state = state;
    this.element.textContent = text;
  }
}
