import * as z from 'zod';
import type { ConfigIssue } from '../config-error';
import { defineConfigSection } from '../config-section';
import { envField } from '../env-field';

/** Wallet screening: an optional remote service (URL + key, both or neither) and deny list. */
export const screeningSection = defineConfigSection({
  schema: () =>
    z
      .object({
        SCREENING_URL: envField.httpUrl().optional(),
        SCREENING_API_KEY: envField.secret().optional(),
        DENY_LIST_PATH: envField.string().optional(),
      })
      .transform((env) => ({
        /** The remote screening service, when configured. */
        service:
          env.SCREENING_URL !== undefined && env.SCREENING_API_KEY !== undefined
            ? { url: env.SCREENING_URL, apiKey: env.SCREENING_API_KEY }
            : undefined,
        denyListPath: env.DENY_LIST_PATH,
      })),
  crossCheck: (env) => {
    const issues: ConfigIssue[] = [];
    if (env.SCREENING_URL !== undefined && env.SCREENING_API_KEY === undefined) {
      issues.push({ key: 'SCREENING_API_KEY', message: 'is required when SCREENING_URL is set' });
    }
    if (env.SCREENING_API_KEY !== undefined && env.SCREENING_URL === undefined) {
      issues.push({ key: 'SCREENING_URL', message: 'is required when SCREENING_API_KEY is set' });
    }
    return issues;
  },
});

/** The `screening` configuration section. */
export type ScreeningConfig = z.output<typeof screeningSection.schema>;
