import { ConfigError, type ConfigIssue } from './config-error';
import { configSections, type AppConfig, type ConfigSectionName } from './config-sections';
import type { EnvInput } from './env-input';

const cache = new WeakMap<EnvInput, Map<string, unknown>>();

/** Drops unset, empty and whitespace-only values, so that "KEY=" means "not set". */
function withoutEmptyValues(env: EnvInput): EnvInput {
  const cleaned: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') cleaned[key] = value;
  }
  return cleaned;
}

/**
 * Reads and validates the named configuration sections from `env` (default `process.env`).
 * The result is cached per environment object and section set, so a Lambda validates once per
 * cold start. Throws {@link ConfigError} listing every missing or invalid key of those sections.
 */
export function readConfig<const S extends ConfigSectionName>(
  sections: readonly S[],
  env: EnvInput = process.env,
): Pick<AppConfig, S> {
  const names = [...new Set(sections)].sort();
  const cacheKey = names.join(',');
  let byKey = cache.get(env);
  const cached = byKey?.get(cacheKey);
  if (cached !== undefined) return cached as Pick<AppConfig, S>;

  const cleaned = withoutEmptyValues(env);
  const issues: ConfigIssue[] = [];
  const result: Record<string, unknown> = {};
  for (const name of names) {
    const section = configSections[name];
    issues.push(...(section.crossCheck?.(cleaned) ?? []));
    const parsed = section.schema.safeParse(cleaned);
    if (parsed.success) {
      result[name] = parsed.data;
      continue;
    }
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? name);
      issues.push({ key, message: cleaned[key] === undefined ? 'is required' : issue.message });
    }
  }

  // One message per key is enough to fix it; cross-key rules come first and are the clearer.
  const unique = issues.filter(
    (issue, index) => issues.findIndex((other) => other.key === issue.key) === index,
  );
  if (unique.length > 0) throw new ConfigError(unique);

  if (!byKey) {
    byKey = new Map();
    cache.set(env, byKey);
  }
  byKey.set(cacheKey, result);
  return result as Pick<AppConfig, S>;
}
