import fc from 'fast-check';

/** Strings attackers and broken clients send: injections, control and odd Unicode, huge input. */
export const adversarialString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "'; DROP TABLE payment_records; --",
    "' OR '1'='1",
    '1; SELECT pg_sleep(10)',
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '${jndi:ldap://x}',
    '{{7*7}}',
    '../../../../etc/passwd',
    '\u0000',
    '\u202e\u0041\u0042',
    '🙂💸🧾',
    'Ω≈ç√∫˜µ≤≥÷',
    '\ud800',
    ' ',
    '',
    'null',
    'undefined',
    'NaN',
    '-19.99',
    '1e309',
    '0x10',
    '19,99',
    '00000000000000000000000000019.99',
    '99999999999999999999999999999999999.999999',
    'gid://shopify/PaymentSession/',
    'https://evil.example/\u0000',
    'javascript:alert(1)',
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 300, max: 20_000 }).map((n) => 'A'.repeat(n)),
);

/** Values of the wrong type, or numbers that break naive code. */
export const adversarialValue: fc.Arbitrary<unknown> = fc.oneof(
  adversarialString,
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    -19.99,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    0.1 + 0.2,
    [],
    {},
    [null],
    { $gt: '' },
    { __proto__: { polluted: true } },
  ),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 1 }), { maxKeys: 4 }),
);

/** Replaces the value at a random existing path of `base` (nested objects included) with `value`. */
export function withFieldReplaced(
  base: Record<string, unknown>,
): fc.Arbitrary<Record<string, unknown>> {
  const paths: string[][] = [];
  const walk = (node: unknown, path: string[]) => {
    if (node && typeof node === 'object' && !Array.isArray(node)) {
      for (const [key, child] of Object.entries(node)) {
        paths.push([...path, key]);
        walk(child, [...path, key]);
      }
    }
  };
  walk(base, []);
  return fc
    .tuple(fc.constantFrom(...paths), adversarialValue, fc.boolean())
    .map(([path, value, remove]) => {
      const copy = structuredClone(base);
      let node = copy as Record<string, unknown>;
      for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
      const last = path.at(-1) as string;
      if (remove) delete node[last];
      else node[last] = value;
      return copy;
    });
}

/** Bodies that are not the expected JSON object at all. */
export const junkBody: fc.Arbitrary<string> = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 200 }),
  fc.constantFrom(
    '',
    '{',
    '[]',
    'null',
    '"string"',
    '{"a":'.repeat(2000),
    '['.repeat(5000),
    '{"__proto__":{"admin":true}}',
    '\u0000\u0001\u0002',
    JSON.stringify({ id: 'x'.repeat(300_000) }),
  ),
);
