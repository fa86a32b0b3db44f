import { emptySql, joinSql, rawSql, sql } from './sql';

describe('sql', () => {
  it('numbers the values and keeps them apart from the text', () => {
    const id = "x'; DROP TABLE merchants; --";
    const statement = sql`SELECT * FROM payment_records WHERE id = ${id}::uuid AND test = ${true}`;
    expect(statement.text).toBe('SELECT * FROM payment_records WHERE id = $1::uuid AND test = $2');
    expect(statement.values).toEqual([id, true]);
  });

  it('splices nested fragments, raw text and joins in place, renumbering their values', () => {
    const set = [sql`status = ${'PAID'}`, sql`paid_at = ${'2026-12-03'}`];
    const attempt: number | undefined = 2;
    const statement = sql`UPDATE ${rawSql('payment_records')} SET ${joinSql(set)} WHERE id = ${'a'} ${
      attempt === undefined ? emptySql : sql`AND attempts = ${attempt}`
    }${emptySql}`;
    expect(statement.text).toBe(
      'UPDATE payment_records SET status = $1, paid_at = $2 WHERE id = $3 AND attempts = $4',
    );
    expect(statement.values).toEqual(['PAID', '2026-12-03', 'a', 2]);
  });

  it('gives the emptySql fragment for an emptySql join', () => {
    expect(sql`SELECT 1${joinSql([])}`.text).toBe('SELECT 1');
    expect(joinSql([sql`a = ${1}`], ' AND ').text).toBe('a = $1');
  });
});
