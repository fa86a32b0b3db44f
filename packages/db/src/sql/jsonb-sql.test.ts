import { jsonbSql } from './jsonb-sql';

describe('jsonbSql', () => {
  it('sends the JSON text as one parameter cast to jsonb', () => {
    const statement = jsonbSql({ city: 'Zürich', lines: ['a', 'b'] });
    expect(statement.text).toBe('$1::jsonb');
    expect(statement.values).toEqual(['{"city":"Zürich","lines":["a","b"]}']);
  });

  it('replaces what jsonb cannot hold (a lone surrogate, U+0000) with U+FFFD, at any depth', () => {
    const statement = jsonbSql({ billing: { city: 'a\ud800b', zip: ['\u0000'] } });
    expect(statement.values).toEqual(['{"billing":{"city":"a\uFFFDb","zip":["\uFFFD"]}}']);
    expect(String(statement.values[0])).not.toContain('\\u');
  });

  it('keeps a well-formed surrogate pair', () => {
    expect(jsonbSql({ name: '😀' }).values).toEqual(['{"name":"😀"}']);
  });

  it('sends SQL NULL only when asked, JSON null otherwise', () => {
    expect(jsonbSql(null, { sqlNull: true }).values).toEqual([null]);
    expect(jsonbSql(null).values).toEqual(['null']);
    expect(jsonbSql(undefined).values).toEqual(['null']);
  });
});
