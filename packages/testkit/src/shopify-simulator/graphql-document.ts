/** A GraphQL input value as written in a document (variables not yet substituted). */
export type GqlValue =
  | { kind: 'variable'; name: string }
  | { kind: 'scalar'; value: string | number | boolean | null }
  | { kind: 'enum'; value: string }
  | { kind: 'list'; values: GqlValue[] }
  | { kind: 'object'; fields: Record<string, GqlValue> };

/** One entry of a selection set. */
export type GqlSelection =
  | {
      kind: 'field';
      alias: string | null;
      name: string;
      args: Record<string, GqlValue>;
      selections: GqlSelection[] | null;
    }
  | { kind: 'inline-fragment'; typeCondition: string | null; selections: GqlSelection[] }
  | { kind: 'fragment-spread'; name: string };

/** One operation (`query`/`mutation`) of a document. */
export interface GqlOperation {
  type: 'query' | 'mutation' | 'subscription';
  name: string | null;
  variableDefaults: Record<string, GqlValue>;
  selections: GqlSelection[];
}

/** A named fragment definition. */
export interface GqlFragment {
  typeCondition: string;
  selections: GqlSelection[];
}

/** A parsed executable document: its operations and named fragments. */
export interface GqlDocument {
  operations: GqlOperation[];
  fragments: Record<string, GqlFragment>;
}

/** Result of {@link parseGraphqlDocument}. */
export type GqlParseResult = { ok: true; document: GqlDocument } | { ok: false; message: string };

type Token =
  | { t: 'punct'; v: string }
  | { t: 'name'; v: string }
  | { t: 'number'; v: number }
  | { t: 'string'; v: string };

class SyntaxFailure extends Error {}

const PUNCTUATORS = new Set(['!', '$', '&', '(', ')', ':', '=', '@', '[', ']', '{', '|', '}']);

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    if (/[\s,\uFEFF]/.test(ch)) {
      i += 1;
    } else if (ch === '#') {
      while (i < source.length && source[i] !== '\n') i += 1;
    } else if (source.startsWith('...', i)) {
      tokens.push({ t: 'punct', v: '...' });
      i += 3;
    } else if (PUNCTUATORS.has(ch)) {
      tokens.push({ t: 'punct', v: ch });
      i += 1;
    } else if (/[_A-Za-z]/.test(ch)) {
      const match = /^[_A-Za-z][_0-9A-Za-z]*/.exec(source.slice(i)) as RegExpExecArray;
      tokens.push({ t: 'name', v: match[0] });
      i += match[0].length;
    } else if (/[-0-9]/.test(ch)) {
      const match = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(source.slice(i));
      if (!match) throw new SyntaxFailure(`Unexpected character "${ch}" at ${i}`);
      tokens.push({ t: 'number', v: Number(match[0]) });
      i += match[0].length;
    } else if (source.startsWith('"""', i)) {
      const end = source.indexOf('"""', i + 3);
      if (end < 0) throw new SyntaxFailure('Unterminated block string');
      tokens.push({ t: 'string', v: source.slice(i + 3, end).trim() });
      i = end + 3;
    } else if (ch === '"') {
      let j = i + 1;
      while (j < source.length && source[j] !== '"') {
        if (source[j] === '\\') j += 1;
        if (source[j] === '\n') throw new SyntaxFailure('Unterminated string');
        j += 1;
      }
      if (j >= source.length) throw new SyntaxFailure('Unterminated string');
      // GraphQL string escapes are a subset of JSON's.
      tokens.push({ t: 'string', v: JSON.parse(source.slice(i, j + 1)) as string });
      i = j + 1;
    } else {
      throw new SyntaxFailure(`Unexpected character "${ch}" at ${i}`);
    }
  }
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isPunct(v: string): boolean {
    const tok = this.peek();
    return tok?.t === 'punct' && tok.v === v;
  }

  private expectPunct(v: string): void {
    const tok = this.peek();
    if (tok?.t !== 'punct' || tok.v !== v) {
      throw new SyntaxFailure(`Expected "${v}", found ${tok ? `"${String(tok.v)}"` : 'end'}`);
    }
    this.pos += 1;
  }

  private name(): string {
    const tok = this.peek();
    if (tok?.t !== 'name') {
      throw new SyntaxFailure(`Expected a name, found ${tok ? `"${String(tok.v)}"` : 'end'}`);
    }
    this.pos += 1;
    return tok.v;
  }

  document(): GqlDocument {
    const operations: GqlOperation[] = [];
    const fragments: Record<string, GqlFragment> = {};
    while (this.peek()) {
      if (this.isPunct('{')) {
        operations.push({
          type: 'query',
          name: null,
          variableDefaults: {},
          selections: this.selectionSet(),
        });
        continue;
      }
      const keyword = this.name();
      if (keyword === 'fragment') {
        const fragmentName = this.name();
        if (this.name() !== 'on') throw new SyntaxFailure('Expected "on"');
        const typeCondition = this.name();
        this.directives();
        fragments[fragmentName] = { typeCondition, selections: this.selectionSet() };
      } else if (keyword === 'query' || keyword === 'mutation' || keyword === 'subscription') {
        const tok = this.peek();
        const opName = tok?.t === 'name' ? this.name() : null;
        const variableDefaults = this.isPunct('(') ? this.variableDefinitions() : {};
        this.directives();
        operations.push({
          type: keyword,
          name: opName,
          variableDefaults,
          selections: this.selectionSet(),
        });
      } else {
        throw new SyntaxFailure(`Unexpected "${keyword}"`);
      }
    }
    if (operations.length === 0) throw new SyntaxFailure('The document has no operation');
    return { operations, fragments };
  }

  private variableDefinitions(): Record<string, GqlValue> {
    const defaults: Record<string, GqlValue> = {};
    this.expectPunct('(');
    while (!this.isPunct(')')) {
      this.expectPunct('$');
      const variable = this.name();
      this.expectPunct(':');
      this.type();
      if (this.isPunct('=')) {
        this.pos += 1;
        defaults[variable] = this.value();
      }
      this.directives();
    }
    this.expectPunct(')');
    return defaults;
  }

  private type(): void {
    if (this.isPunct('[')) {
      this.pos += 1;
      this.type();
      this.expectPunct(']');
    } else {
      this.name();
    }
    if (this.isPunct('!')) this.pos += 1;
  }

  private directives(): void {
    while (this.isPunct('@')) {
      this.pos += 1;
      this.name();
      if (this.isPunct('(')) this.arguments();
    }
  }

  private arguments(): Record<string, GqlValue> {
    const args: Record<string, GqlValue> = {};
    this.expectPunct('(');
    while (!this.isPunct(')')) {
      const argName = this.name();
      this.expectPunct(':');
      args[argName] = this.value();
    }
    this.expectPunct(')');
    return args;
  }

  private value(): GqlValue {
    const tok = this.peek();
    if (!tok) throw new SyntaxFailure('Expected a value, found end');
    if (tok.t === 'punct') {
      if (tok.v === '$') {
        this.pos += 1;
        return { kind: 'variable', name: this.name() };
      }
      if (tok.v === '[') {
        this.pos += 1;
        const values: GqlValue[] = [];
        while (!this.isPunct(']')) values.push(this.value());
        this.pos += 1;
        return { kind: 'list', values };
      }
      if (tok.v === '{') {
        this.pos += 1;
        const fields: Record<string, GqlValue> = {};
        while (!this.isPunct('}')) {
          const fieldName = this.name();
          this.expectPunct(':');
          fields[fieldName] = this.value();
        }
        this.pos += 1;
        return { kind: 'object', fields };
      }
      throw new SyntaxFailure(`Unexpected "${tok.v}" in a value`);
    }
    this.pos += 1;
    if (tok.t === 'name') {
      if (tok.v === 'true' || tok.v === 'false') return { kind: 'scalar', value: tok.v === 'true' };
      if (tok.v === 'null') return { kind: 'scalar', value: null };
      return { kind: 'enum', value: tok.v };
    }
    return { kind: 'scalar', value: tok.v };
  }

  private selectionSet(): GqlSelection[] {
    const selections: GqlSelection[] = [];
    this.expectPunct('{');
    while (!this.isPunct('}')) {
      if (this.isPunct('...')) {
        this.pos += 1;
        const tok = this.peek();
        if (tok?.t === 'name' && tok.v !== 'on') {
          selections.push({ kind: 'fragment-spread', name: this.name() });
          this.directives();
        } else {
          let typeCondition: string | null = null;
          if (tok?.t === 'name') {
            this.pos += 1;
            typeCondition = this.name();
          }
          this.directives();
          selections.push({
            kind: 'inline-fragment',
            typeCondition,
            selections: this.selectionSet(),
          });
        }
        continue;
      }
      let alias: string | null = null;
      let fieldName = this.name();
      if (this.isPunct(':')) {
        this.pos += 1;
        alias = fieldName;
        fieldName = this.name();
      }
      const args = this.isPunct('(') ? this.arguments() : {};
      this.directives();
      const selections2 = this.isPunct('{') ? this.selectionSet() : null;
      selections.push({ kind: 'field', alias, name: fieldName, args, selections: selections2 });
    }
    this.expectPunct('}');
    if (selections.length === 0) throw new SyntaxFailure('Empty selection set');
    return selections;
  }
}

/**
 * Parses a GraphQL executable document (operations, fragments, arguments, variables with
 * defaults, directives skipped). Enough of the grammar for the Payments Apps mutations an app
 * sends; it does not validate against a schema.
 */
export function parseGraphqlDocument(source: string): GqlParseResult {
  try {
    return { ok: true, document: new Parser(tokenize(source)).document() };
  } catch (error) {
    if (error instanceof SyntaxFailure || error instanceof SyntaxError) {
      return { ok: false, message: `Parse error: ${error.message}` };
    }
    throw error;
  }
}
