import fc from 'fast-check';
import { adversarialString, junkBody, withFieldReplaced } from './adversarial-values';
import type { HttpsCall } from './https-call';

/** Header values Node's HTTP client can send (printable ASCII), adversarial in content. */
export const headerValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "'; DROP TABLE merchants; --",
    '<script>alert(1)</script>',
    '',
    ' ',
    'x'.repeat(4096),
    '../../etc/passwd',
    'evil.example.com',
    'demo-shop.myshopify.com.evil.example',
    '1999-01',
    'unstable',
    '-1',
    '9'.repeat(400),
  ),
  fc.string({
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    maxLength: 60,
  }),
);

/** Percent-encodes every UTF-8 byte, so lone surrogates and control characters go through too. */
const percentEncode = (text: string) =>
  Buffer.from(text, 'utf8').toString('hex').replace(/../g, '%$&');

/**
 * Text with a malformed percent-escape somewhere (`%`, a truncated UTF-8 sequence, bad hex, an
 * encoded lone surrogate, an overlong form), which `decodeURIComponent` refuses with `URIError`:
 * every route must answer it 400, never 500.
 */
export const malformedPercentEscape: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('', 'a', 'refunds', '%41'),
    fc.constantFrom(
      '%',
      '%%',
      '%0',
      '%ZZ',
      '%u0041',
      '%C3',
      '%E0%A4%A',
      '%E0%A4',
      '%ED%A0%80',
      '%C0%AF',
      '%F8%80%80%80%80',
      '%FF',
    ),
    fc.constantFrom('', 'b', '%20', '/x'),
  )
  .map(([before, bad, after]) => `${before}${bad}${after}`);

/** A percent-encoded query value: usually well-formed, sometimes a malformed escape. */
const queryValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: adversarialString.map((v) => percentEncode(v.slice(0, 2000))) },
  { weight: 1, arbitrary: malformedPercentEscape.map((v) => v.replace(/\//g, '%2F')) },
);

/** A query string of random keys and adversarial values (sometimes empty, sometimes malformed). */
export const queryString: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.string({ maxLength: 10 }), queryValue), { maxLength: 3 })
  .map((pairs) =>
    pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${percentEncode(k)}=${v}`).join('&')}`,
  );

/** Content types, mostly JSON. */
export const contentType: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      undefined,
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=utf-16',
    ),
  },
);

/**
 * JSON POST requests to `path`: a valid body with one field replaced or removed, or junk, with
 * `headers` (valid ones) optionally having one header replaced, removed or added.
 */
export function jsonPosts(
  path: string,
  validBody: Record<string, unknown>,
  headers: Record<string, string>,
): fc.Arbitrary<HttpsCall> {
  const headerNames = Object.keys(headers);
  const headerSets = fc.oneof(
    { weight: 3, arbitrary: fc.constant(headers) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          headerNames.length ? fc.constantFrom(...headerNames) : fc.constant('x-extra'),
          headerValue,
          fc.boolean(),
        )
        .map(([name, value, remove]) => {
          const copy = { ...headers };
          if (remove) delete copy[name];
          else copy[name] = value;
          return copy;
        }),
    },
  );
  const bodies = fc.oneof(
    { weight: 3, arbitrary: withFieldReplaced(validBody).map((b) => JSON.stringify(b)) },
    { weight: 2, arbitrary: junkBody },
  );
  return fc.tuple(headerSets, bodies, contentType, queryString).map(([hs, body, type, query]) => ({
    method: 'POST',
    path: `${path}${query}`,
    headers: { ...hs, ...(type ? { 'content-type': type } : {}) },
    body,
  }));
}
