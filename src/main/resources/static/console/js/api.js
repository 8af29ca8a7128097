// Every call of the console goes to the gateway's public API (/api/v1) with the session cookie the browser holds;
// the CSRF token of the session lives in this module's memory only, never in storage or a URL.
let csrfToken = null;

export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.error ? body.error : `HTTP ${status}`);
    this.status = status;
    this.code = body && body.code;
    this.details = body && body.details;
  }
}

async function send(method, path, body, contentType) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (body !== undefined) headers['Content-Type'] = contentType || 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : (typeof body === 'string' || body instanceof Blob ? body : JSON.stringify(body)),
  });
  const text = await response.text();
  let parsed = null;
  try { parsed = text ? JSON.parse(text) : null; } catch (e) { parsed = { error: text }; }
  if (!response.ok) {
    const error = new ApiError(response.status, parsed);
    if (response.status === 401 && path.startsWith('/api/')) document.dispatchEvent(new CustomEvent('session-ended'));
    throw error;
  }
  return parsed;
}

export const api = {
  get: (path) => send('GET', path),
  post: (path, body, contentType) => send('POST', path, body === undefined ? {} : body, contentType),
  put: (path, body) => send('PUT', path, body),
  del: (path) => send('DELETE', path),
};

/** The current session, or null when not logged in. */
export async function currentSession() {
  try {
    const session = await send('GET', '/console/session');
    csrfToken = session.csrfToken;
    return session;
  } catch (e) {
    if (e.status === 401) return null;
    throw e;
  }
}

export async function logIn(apiKey, operator) {
  const session = await send('POST', '/console/session', { apiKey, operator: operator || null });
  csrfToken = session.csrfToken;
  return session;
}

export async function logOut() {
  try { await send('DELETE', '/console/session'); } finally { csrfToken = null; }
}

/** Query string from the filled fields of an object. */
export function query(params) {
  const q = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== '') q.set(k, v); });
  const s = q.toString();
  return s ? `?${s}` : '';
}
