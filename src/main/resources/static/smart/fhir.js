// A small FHIR client: the signed-in user's bearer token on every request, JSON in and out.
export class Fhir {
  constructor(base, token) {
    this.base = base;
    this.token = token;
  }

  get(path) {
    return this.request('GET', path);
  }

  /** Creates {@code resource}; the stored resource (with its id and the server's additions) comes back. */
  create(resource) {
    return this.request('POST', resource.resourceType, resource);
  }

  update(resource) {
    return this.request('PUT', `${resource.resourceType}/${resource.id}`, resource);
  }

  post(path, body) {
    return this.request('POST', path, body);
  }

  /** A refusal throws a {@link FhirError} carrying the server's OperationOutcome. */
  async request(method, path, body) {
    const url = path.startsWith('http') ? path : `${this.base}/${path}`;
    const headers = { Authorization: `Bearer ${this.token}`, Accept: 'application/fhir+json' };
    if (body) {
      headers['Content-Type'] = 'application/fhir+json';
      headers.Prefer = 'return=representation';
    }
    const response = await fetch(url, { method, headers, body: body ? JSON.stringify(body) : undefined });
    const answer = await response.json().catch(() => null);
    if (!response.ok) {
      const issue = answer?.issue?.[0]?.diagnostics;
      throw new FhirError(response.status, `${path}: ${response.status}${issue ? ` ${issue}` : ''}`,
        answer?.resourceType === 'OperationOutcome' ? answer : null);
    }
    return answer;
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

export class FhirError extends Error {
  constructor(status, message, outcome) {
    super(message);
    this.status = status;
    this.outcome = outcome;
  }
}

/** The parts of a Parameters resource (or of one of its parameters) named {@code name}. */
export function parts(parameters, name) {
  return (parameters.parameter || parameters.part || []).filter((p) => p.name === name);
}

/** The value of the first part named {@code name}, whatever its type. */
export function value(parameters, name) {
  const part = parts(parameters, name)[0];
  if (!part) {
    return undefined;
  }
  const key = Object.keys(part).find((k) => k.startsWith('value'));
  return key ? part[key] : undefined;
}

export function extension(resource, url) {
  const found = (resource.extension || []).find((e) => e.url === url);
  if (!found) {
    return undefined;
  }
  const key = Object.keys(found).find((k) => k.startsWith('value'));
  return found[key];
}

export function reference(resource) {
  return `${resource.resourceType}/${resource.id}`;
}

/** A Patient's or Practitioner's first name as people write it (given names, then family), else its reference. */
export function personName(resource) {
  const name = (resource?.name || [])[0] || {};
  return [...(name.given || []), name.family].filter(Boolean).join(' ') || (resource ? reference(resource) : '');
}
