/** What a masked value is replaced with. */
export const REDACTED = '[REDACTED]';

/** Keys (normalized: lower-case, letters and digits only) that are secrets wherever they appear. */
const SECRET_SUFFIXES = [
  'token',
  'secret',
  'password',
  'passphrase',
  'apikey',
  'authorization',
  'cookie',
  'privatekey',
  'secretkey',
  'keypair',
  'seed',
  'mnemonic',
];
const SECRET_KEYS = new Set(['databaseurl', 'dsn']);

const MAX_DEPTH = 12;

/** True when a property name denotes a secret (`accessToken`, `x-shopify-access-token`, ...). */
export function isSecretKey(key: string): boolean {
  const normalized = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  return SECRET_KEYS.has(normalized) || SECRET_SUFFIXES.some((s) => normalized.endsWith(s));
}

/** Plain data for an error: name, message, stack, code/status and its cause chain. */
function describeError(error: Error, seen: WeakSet<object>, depth: number): unknown {
  const described: Record<string, unknown> = { name: error.name, message: error.message };
  const extra = error as Error & { code?: unknown; status?: unknown; details?: unknown };
  if (extra.code !== undefined) described.code = extra.code;
  if (extra.status !== undefined) described.status = extra.status;
  if (extra.details !== undefined) described.details = redactValue(extra.details, seen, depth + 1);
  if (error.stack) described.stack = error.stack;
  if (error.cause !== undefined) described.cause = redactValue(error.cause, seen, depth + 1);
  return described;
}

function redactValue(value: unknown, seen: WeakSet<object>, depth: number): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return '[Truncated]';
  if (seen.has(value)) return '[Circular]';
  if (value instanceof Date) return value.toISOString();
  if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
  seen.add(value);
  try {
    if (value instanceof Error) return describeError(value, seen, depth);
    if (Array.isArray(value)) return value.map((item) => redactValue(item, seen, depth + 1));
    if (value instanceof Map) return redactValue(Object.fromEntries(value), seen, depth);
    if (value instanceof Set) return redactValue([...value], seen, depth);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = isSecretKey(key) ? REDACTED : redactValue(item, seen, depth + 1);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

/**
 * Returns a JSON-safe copy of `value` with every secret-named property masked at any depth
 * (see {@link isSecretKey}), errors turned into plain objects (with stack and cause), bigints
 * into strings and byte arrays into their length.
 */
export function redact(value: unknown): unknown {
  return redactValue(value, new WeakSet(), 0);
}
