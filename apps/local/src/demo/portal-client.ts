import type { HttpsAnswer, createHttpsCaller } from '../measured/https-call';

/** `name=value` pairs of an answer's `Set-Cookie` headers. */
export function cookiesOf(answer: HttpsAnswer): Record<string, string> {
  const header = answer.headers['set-cookie'];
  const lines = Array.isArray(header) ? header : header ? [header] : [];
  const jar: Record<string, string> = {};
  for (const line of lines) {
    const pair = line.split(';')[0] ?? '';
    const eq = pair.indexOf('=');
    if (eq > 0) jar[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return jar;
}

/** A signed-in merchant's portal API, as the portal web app calls it. */
export interface PortalClient {
  /** Calls `path` on purple with the session cookie, the portal's origin and the CSRF token. */
  call(method: string, path: string, body?: unknown): Promise<HttpsAnswer>;
}

/** A {@link PortalClient} for the session `cookie` with CSRF token `csrfToken`. */
export function createPortalClient(
  purple: ReturnType<typeof createHttpsCaller>,
  portalOrigin: string,
  login: { cookie: string; csrfToken: string },
): PortalClient {
  return {
    call(method, path, body) {
      return purple.call({
        method,
        path,
        headers: {
          cookie: login.cookie,
          origin: portalOrigin,
          'x-csrf-token': login.csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    },
  };
}
