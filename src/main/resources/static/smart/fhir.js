// The FHIR client the server's SMART pages share (the signed-in user's bearer token on every request), and
// the dashboard's readers of what it returns.
export { Fhir, FhirError } from '/smart/smart.js';

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
