import type { GqlFragment, GqlSelection } from './graphql-document';

/**
 * Shapes a full response object to what the query selected, as a GraphQL server would:
 * aliases become keys, unselected fields are dropped, missing fields are `null`, and
 * fragments apply when `appliesTo(typeCondition, __typename)` says so.
 */
export function projectSelection(
  value: unknown,
  selections: GqlSelection[],
  fragments: Record<string, GqlFragment>,
  appliesTo: (typeCondition: string, typename: string | undefined) => boolean,
): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) {
    return value.map((item) => projectSelection(item, selections, fragments, appliesTo));
  }
  if (typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  const typename = typeof source.__typename === 'string' ? source.__typename : undefined;
  const out: Record<string, unknown> = {};
  const apply = (list: GqlSelection[]): void => {
    for (const selection of list) {
      if (selection.kind === 'field') {
        const key = selection.alias ?? selection.name;
        const raw = source[selection.name];
        out[key] =
          selection.selections === null
            ? (raw ?? null)
            : projectSelection(raw, selection.selections, fragments, appliesTo);
      } else {
        const fragment =
          selection.kind === 'inline-fragment' ? selection : fragments[selection.name];
        if (!fragment) continue;
        if (fragment.typeCondition === null || appliesTo(fragment.typeCondition, typename)) {
          apply(fragment.selections);
        }
      }
    }
  };
  apply(selections);
  return out;
}
