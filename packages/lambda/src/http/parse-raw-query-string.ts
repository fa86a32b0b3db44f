import { decodeRequestComponent } from './decode-request-component';

/**
 * Parses a raw query string (no `?`) into `[name, value]` pairs in order, `+` as a space, as
 * `URLSearchParams` does — except that a malformed percent-escape is a 400
 * (`decodeRequestComponent`) rather than silently replaced, so a signed query can never be
 * verified against text other than what was sent.
 */
export function parseRawQueryString(raw: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = eq === -1 ? part : part.slice(0, eq);
    const value = eq === -1 ? '' : part.slice(eq + 1);
    pairs.push([
      decodeRequestComponent(name.replace(/\+/g, ' '), 'query string'),
      decodeRequestComponent(value.replace(/\+/g, ' '), 'query string'),
    ]);
  }
  return pairs;
}
