import type { PrismaClient } from '../generated/prisma/client';

/** One place where a searched text was found. */
export interface TextHit {
  table: string;
  column: string;
  needle: string;
  rows: number;
}

/** A text to look for; `caseInsensitive` for e-mail addresses. */
export interface TextNeedle {
  text: string;
  caseInsensitive?: boolean;
}

/** Column types that can hold personal text (JSON is searched in its text form). */
const TEXT_TYPES = ['text', 'character varying', 'character', 'json', 'jsonb'];

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Searches EVERY text and JSON column of EVERY table in the `public` schema for each needle (a
 * substring match; JSON is matched on its text form) and returns where they were found. Used to
 * prove that a privacy redaction left nothing behind: a new column holding personal data is
 * searched without anyone having to remember it.
 */
export async function findTextInDatabase(
  prisma: PrismaClient,
  needles: readonly TextNeedle[],
): Promise<TextHit[]> {
  const columns = await prisma.$queryRawUnsafe<Array<{ table: string; column: string }>>(
    `SELECT table_name::text AS "table", column_name::text AS "column"
       FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type = ANY($1::text[])
      ORDER BY table_name, ordinal_position`,
    TEXT_TYPES,
  );
  const hits: TextHit[] = [];
  for (const { table, column } of columns) {
    for (const needle of needles) {
      const operator = needle.caseInsensitive ? 'ILIKE' : 'LIKE';
      const pattern = `%${needle.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const rows = await prisma.$queryRawUnsafe<Array<{ count: bigint }>>(
        `SELECT count(*) AS count FROM public.${quoteIdent(table)}
          WHERE ${quoteIdent(column)}::text ${operator} $1`,
        pattern,
      );
      const count = Number(rows[0]?.count ?? 0n);
      if (count > 0) hits.push({ table, column, needle: needle.text, rows: count });
    }
  }
  return hits;
}
