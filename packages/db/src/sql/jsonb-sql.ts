import { type Sql, sql } from './sql';

/**
 * Strings PostgreSQL's `jsonb` refuses, made storable: a lone UTF-16 surrogate (which
 * `JSON.stringify` writes as a `\ud800` escape, an invalid escape to PostgreSQL) and U+0000
 * (which `jsonb` cannot hold) become U+FFFD, the replacement character.
 */
function storableString(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? value.toWellFormed().replaceAll('\u0000', '\uFFFD') : value;
}

/**
 * `value` as a `jsonb` parameter (`$n::jsonb`), `null` as SQL `NULL` only when `sqlNull` is set
 * (otherwise JSON `null`). Input from Shopify or a wallet can carry strings PostgreSQL refuses in
 * `jsonb`; they are stored with U+FFFD in their place rather than failing the statement.
 */
export function jsonbSql(value: unknown, options: { sqlNull?: boolean } = {}): Sql {
  if (value === null && options.sqlNull) return sql`${null}::jsonb`;
  return sql`${JSON.stringify(value ?? null, storableString)}::jsonb`;
}
