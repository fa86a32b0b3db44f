import type { GqlValue } from './graphql-document';

/**
 * Turns document argument values into plain JS values, substituting `variables` (falling back
 * to the operation's variable defaults). Unset variables leave the argument out.
 */
export function resolveArguments(
  args: Record<string, GqlValue>,
  variables: Record<string, unknown>,
  defaults: Record<string, GqlValue>,
): Record<string, unknown> {
  const resolved: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(args)) {
    const plain = resolveValue(value, variables, defaults);
    if (plain !== undefined) resolved[name] = plain;
  }
  return resolved;
}

function resolveValue(
  value: GqlValue,
  variables: Record<string, unknown>,
  defaults: Record<string, GqlValue>,
): unknown {
  switch (value.kind) {
    case 'variable': {
      if (Object.hasOwn(variables, value.name)) return variables[value.name];
      const fallback = defaults[value.name];
      return fallback ? resolveValue(fallback, {}, {}) : undefined;
    }
    case 'scalar':
    case 'enum':
      return value.value;
    case 'list':
      return value.values.map((item) => resolveValue(item, variables, defaults));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(value.fields)) {
        const plain = resolveValue(field, variables, defaults);
        if (plain !== undefined) out[key] = plain;
      }
      return out;
    }
  }
}
