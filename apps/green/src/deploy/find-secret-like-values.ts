/** A string in a template that looks like a secret. */
export interface SecretFinding {
  path: string;
  reason: string;
}

const PATTERNS: Array<[RegExp, string]> = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'PEM private key'],
  [/\bshp(at|ss|ca|pa|rt)_[0-9a-fA-F]{16,}/, 'Shopify token or secret'],
  [/\bAKIA[0-9A-Z]{16}\b/, 'AWS access key id'],
  [/postgres(ql)?:\/\/[^:/\s]+:[^@\s]+@/, 'database URL with a password'],
  [/[?&]api-key=[^&\s]+/, 'URL with an API key'],
  [/\[\s*\d{1,3}(\s*,\s*\d{1,3}){31,}\s*\]/, 'JSON byte array (secret key)'],
  [
    /(^|[^1-9A-HJ-NP-Za-km-z])[1-9A-HJ-NP-Za-km-z]{80,90}($|[^1-9A-HJ-NP-Za-km-z])/,
    'base58 64-byte secret key',
  ],
];

/** Long runs of hex or base64 characters: keys, tokens, HMAC secrets. */
const HIGH_ENTROPY = /[A-Za-z0-9+_-]{32,}={0,2}/g;

function looksRandom(token: string): boolean {
  const classes = [/[a-z]/, /[A-Z]/, /\d/].filter((re) => re.test(token)).length;
  const isHex = /^[0-9a-f]+$/i.test(token) && /\d/.test(token) && /[a-f]/i.test(token);
  return isHex || classes === 3;
}

/**
 * Finds strings that look like secrets: any of `knownSecrets` verbatim, or a value shaped like
 * a private key, token, password-bearing URL, secret-key bytes, or a long random-looking token.
 * `${…}` placeholders (CloudFormation `Fn::Sub` variables) are ignored.
 */
export function findSecretLikeValues(
  strings: ReadonlyArray<{ path: string; value: string }>,
  knownSecrets: readonly string[],
): SecretFinding[] {
  const findings: SecretFinding[] = [];
  for (const { path, value } of strings) {
    const known = knownSecrets.find((secret) => secret.length >= 8 && value.includes(secret));
    if (known !== undefined) {
      findings.push({ path, reason: 'contains a development secret' });
      continue;
    }
    const text = value.replace(/\$\{[^}]*\}/g, ' ');
    const match = PATTERNS.find(([pattern]) => pattern.test(text));
    if (match) {
      findings.push({ path, reason: match[1] });
      continue;
    }
    const token = (text.match(HIGH_ENTROPY) ?? []).find(looksRandom);
    if (token !== undefined)
      findings.push({ path, reason: `random-looking token (${token.length} chars)` });
  }
  return findings;
}
