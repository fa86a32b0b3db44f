const MARK = '\u0000bigint:';

/** JSON.stringify that writes bigint values as exact JSON numbers (u64 lamports, rentEpoch). */
export function toJson(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'bigint' ? `${MARK}${v.toString()}` : v,
  );
  return text.replace(/"\\u0000bigint:(-?\d+)"/g, '$1');
}
