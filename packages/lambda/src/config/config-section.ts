import type { z } from 'zod';
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

/** Declares a {@link ConfigSection}, keeping its value type. */
export function defineConfigSection<T>(section: ConfigSection<T>): ConfigSection<T> {
  return section;
}
