/** What runs a statement needs: its `$n` text and its values (an {@link Sql}, or Prisma's). */
export interface SqlStatement {
  readonly text: string;
  readonly values: readonly unknown[];
}

/**
 * A parameterised SQL statement or fragment: the text around its values, and the values, sent
 * apart from the text (never spliced into it). `text` numbers them `$1`, `$2`… as PostgreSQL
 * expects. Built with the {@link sql} tag; fragments nest.
 */
export class Sql implements SqlStatement {
  /** The literal text around the values (`values.length + 1` pieces). */
  readonly strings: readonly string[];
  /** The parameters, in order. */
  readonly values: readonly unknown[];

  constructor(pieces: readonly string[], parameters: readonly unknown[]) {
    const strings: string[] = [pieces[0] ?? ''];
    const values: unknown[] = [];
    parameters.forEach((parameter, index) => {
      const after = pieces[index + 1] ?? '';
      if (parameter instanceof Sql) {
        // A nested fragment: its text joins ours, its values join ours, in place.
        strings[strings.length - 1] += parameter.strings[0] ?? '';
        parameter.values.forEach((value, at) => {
          values.push(value);
          strings.push(parameter.strings[at + 1] ?? '');
        });
        strings[strings.length - 1] += after;
      } else {
        values.push(parameter);
        strings.push(after);
      }
    });
    this.strings = strings;
    this.values = values;
  }

  /** The statement's text with `$1`, `$2`… where the values go. */
  get text(): string {
    return this.strings.reduce((text, piece, index) => `${text}$${index}${piece}`);
  }
}

/**
 * The tag for statements: `` sql`SELECT … WHERE id = ${id}::uuid` `` sends `id` as a parameter;
 * an interpolated {@link Sql} (another `sql`, {@link rawSql}, {@link joinSql}) is spliced in as SQL.
 */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  return new Sql(strings, values);
}

/**
 * Trusted SQL text spliced in as is: table and column names chosen by the code, never input.
 */
export function rawSql(text: string): Sql {
  return new Sql([text], []);
}

/** Fragments joined by `separator` (`, ` by default), as one fragment. */
export function joinSql(fragments: readonly Sql[], separator = ', '): Sql {
  if (fragments.length === 0) return emptySql;
  return new Sql(['', ...fragments.slice(1).map(() => separator), ''], fragments);
}

/** The fragment with no text: for optional parts of a statement. */
export const emptySql: Sql = rawSql('');
