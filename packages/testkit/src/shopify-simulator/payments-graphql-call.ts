import * as z from 'zod';
import { resolveArguments } from './graphql-arguments';
import { parseGraphqlDocument, type GqlFragment, type GqlSelection } from './graphql-document';

/** One top-level mutation field of a call, with its arguments resolved. */
export interface ParsedField {
  /** Response key (alias or field name). */
  key: string;
  name: string;
  args: Record<string, unknown>;
  selections: GqlSelection[] | null;
}

/** A Payments Apps GraphQL HTTP request, parsed (or the error to answer it with). */
export type ParsedCall =
  | {
      ok: true;
      variables: Record<string, unknown>;
      fields: ParsedField[];
      fragments: Record<string, GqlFragment>;
    }
  | {
      ok: false;
      variables: Record<string, unknown>;
      status: number;
      body: unknown;
      answeredWith: 'http-error' | 'graphql-error';
    };

const requestSchema = z.object({
  query: z.string().min(1),
  variables: z.record(z.string(), z.unknown()).nullish(),
  operationName: z.string().nullish(),
});

/** A GraphQL top-level `errors` body as Shopify sends it with HTTP 200. */
export function graphqlErrorBody(message: string, code: string): Record<string, unknown> {
  return { errors: [{ message, extensions: { code } }] };
}

/**
 * Parses the HTTP body of a GraphQL call: `application/json` (`{query, variables,
 * operationName}`) or `application/graphql` (the bare document). Picks the operation and
 * resolves each top-level field's arguments.
 */
export function parsePaymentsCall(mediaType: string, body: Buffer): ParsedCall {
  let request: z.infer<typeof requestSchema>;
  if (mediaType === 'application/graphql') {
    request = { query: body.toString('utf8') };
  } else if (mediaType === 'application/json') {
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      return fail({}, 400, { errors: 'Invalid JSON in request body' }, 'http-error');
    }
    const parsed = requestSchema.safeParse(json);
    if (!parsed.success) {
      return fail(
        {},
        400,
        { errors: { query: 'Required parameter missing or invalid' } },
        'http-error',
      );
    }
    request = parsed.data;
  } else {
    return fail({}, 415, { errors: 'Content-Type must be application/json' }, 'http-error');
  }
  const variables = request.variables ?? {};
  const doc = parseGraphqlDocument(request.query);
  if (!doc.ok)
    return fail(variables, 200, graphqlErrorBody(doc.message, 'parseError'), 'graphql-error');
  const operations = doc.document.operations;
  const operation = request.operationName
    ? operations.find((op) => op.name === request.operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation) {
    const message = request.operationName
      ? `No operation named "${request.operationName}"`
      : 'An operation name is required when the document has several operations';
    return fail(variables, 200, graphqlErrorBody(message, 'operationNotFound'), 'graphql-error');
  }
  if (operation.type !== 'mutation') {
    return fail(
      variables,
      200,
      graphqlErrorBody(
        'The Shopify simulator only implements Payments Apps mutations',
        'unsupported',
      ),
      'graphql-error',
    );
  }
  const fields: ParsedField[] = [];
  for (const selection of operation.selections) {
    if (selection.kind !== 'field') {
      return fail(
        variables,
        200,
        graphqlErrorBody('Fragments on Mutation are not supported by the simulator', 'unsupported'),
        'graphql-error',
      );
    }
    fields.push({
      key: selection.alias ?? selection.name,
      name: selection.name,
      args: resolveArguments(selection.args, variables, operation.variableDefaults),
      selections: selection.selections,
    });
  }
  return { ok: true, variables, fields, fragments: doc.document.fragments };
}

function fail(
  variables: Record<string, unknown>,
  status: number,
  body: unknown,
  answeredWith: 'http-error' | 'graphql-error',
): ParsedCall {
  return { ok: false, variables, status, body, answeredWith };
}
