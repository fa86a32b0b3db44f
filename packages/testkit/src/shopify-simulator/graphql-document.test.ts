import { describe, expect, it } from '@jest/globals';
import { resolveArguments } from './graphql-arguments';
import { parseGraphqlDocument, type GqlSelection } from './graphql-document';
import { projectSelection } from './graphql-projection';

function firstField(source: string): Extract<GqlSelection, { kind: 'field' }> {
  const parsed = parseGraphqlDocument(source);
  if (!parsed.ok) throw new Error(parsed.message);
  const field = parsed.document.operations[0]?.selections[0];
  if (field?.kind !== 'field') throw new Error('no field');
  return field;
}

describe('parseGraphqlDocument', () => {
  it('reads the mutation field, its alias and arguments mapped to variables', () => {
    const field = firstField(
      'mutation C($h:String,$r:Boolean!){cfg: paymentsAppConfigure(externalHandle:$h,ready:$r){paymentsAppConfiguration{externalHandle ready} userErrors{field message}}}',
    );
    expect(field.name).toBe('paymentsAppConfigure');
    expect(field.alias).toBe('cfg');
    expect(resolveArguments(field.args, { h: 'acme', r: true }, {})).toEqual({
      externalHandle: 'acme',
      ready: true,
    });
  });

  it('handles inline objects, enums, strings with escapes, comments and defaults', () => {
    const source = `# a comment
      mutation Reject($id: ID!, $msg: String = "default \\"quoted\\"") @live {
        paymentSessionReject(id: $id, reason: { code: RISKY, merchantMessage: $msg, extra: [1, -2.5, null] }) {
          userErrors { message }
        }
      }`;
    const parsed = parseGraphqlDocument(source);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const op = parsed.document.operations[0]!;
    const field = op.selections[0] as Extract<GqlSelection, { kind: 'field' }>;
    expect(
      resolveArguments(field.args, { id: 'gid://shopify/PaymentSession/1' }, op.variableDefaults),
    ).toEqual({
      id: 'gid://shopify/PaymentSession/1',
      reason: { code: 'RISKY', merchantMessage: 'default "quoted"', extra: [1, -2.5, null] },
    });
  });

  it('reports syntax errors instead of throwing', () => {
    expect(parseGraphqlDocument('mutation { paymentSessionResolve(id: "x") { ').ok).toBe(false);
    expect(parseGraphqlDocument('mutation { }').ok).toBe(false);
    expect(parseGraphqlDocument('').ok).toBe(false);
    expect(parseGraphqlDocument('mutation { a(id: "unterminated) { b } }').ok).toBe(false);
  });
});

describe('projectSelection', () => {
  it('keeps selected fields, applies matching fragments and named fragments', () => {
    const parsed =
      parseGraphqlDocument(`mutation { r { paymentSession { ...S state { ... on Resolved { code } ... on Rejected { reason } } } } }
      fragment S on PaymentSession { id missing }`);
    if (!parsed.ok) throw new Error(parsed.message);
    const root = parsed.document.operations[0]!.selections[0] as Extract<
      GqlSelection,
      { kind: 'field' }
    >;
    const value = {
      __typename: 'Payload',
      paymentSession: {
        __typename: 'PaymentSession',
        id: 'g',
        secret: 1,
        state: { __typename: 'Resolved', code: 'RESOLVED' },
      },
    };
    const known = new Set(['Resolved', 'Rejected', 'PaymentSession']);
    expect(
      projectSelection(
        value,
        root.selections!,
        parsed.document.fragments,
        (t, n) => t === n || !known.has(t),
      ),
    ).toEqual({ paymentSession: { id: 'g', missing: null, state: { code: 'RESOLVED' } } });
  });
});
