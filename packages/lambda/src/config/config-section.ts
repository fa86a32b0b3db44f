import type * as z from 'zod';
import type { ConfigIssue } from './config-error';
import type { EnvInput } from './env-input';

/**
 * One group of related settings: a zod schema from the environment to a typed object, plus
 * optional rules spanning several keys. The rules run on the environment directly so that
 * their problems are listed even when other keys of the section are also wrong.
 */
export interface ConfigSection<T> {
  /** Parses the environment (empty values already removed) into the section's value. */
  readonly schema: z.ZodType<T>;
  /** Problems involving several keys (e.g. "both or neither"). */
  readonly crossCheck?: (env: EnvInput) => ConfigIssue[];
}

/** The definition of a {@link ConfigSection}: its schema as a function that builds it. */
export interface ConfigSectionDefinition<T> {
  /** Builds the section's schema; called once, at the first read of the section. */
  readonly schema: () => z.ZodType<T>;
  /** Problems involving several keys (e.g. "both or neither"). */
  readonly crossCheck?: (env: EnvInput) => ConfigIssue[];
}

/**
 * Declares a {@link ConfigSection}, keeping its value type. The schema is built at the first
 * read of the section, not when the module loads: every function imports all sections (through
 * `configSections`) but reads only a few, and building zod schemas is part of a cold start.
 */
export function defineConfigSection<T>(definition: ConfigSectionDefinition<T>): ConfigSection<T> {
  let schema: z.ZodType<T> | undefined;
  return {
    get schema() {
      schema ??= definition.schema();
      return schema;
    },
    ...(definition.crossCheck ? { crossCheck: definition.crossCheck } : {}),
  };
}
