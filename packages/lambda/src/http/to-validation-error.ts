import type * as z from 'zod';
import { InvalidInputError } from '@solpay/domain';

/** Which part of the request failed validation. */
export type RequestPart = 'body' | 'query' | 'path' | 'headers';

/** The dot path of a zod issue (`items.0.amount`); empty for the root. */
export function issuePath(issue: z.core.$ZodIssue): string {
  return issue.path.map((segment) => String(segment)).join('.');
}

/**
 * Turns a zod error into an {@link InvalidInputError} (400 `VALIDATION_FAILED`) about its first issue: the message
 * names the field, `details.path` is its dot path and `details.location` the request part.
 */
export function toValidationError(error: z.ZodError, location?: RequestPart): InvalidInputError {
  const issue = error.issues[0];
  const path = issue ? issuePath(issue) : '';
  const where = location ? ` in ${location}` : '';
  const what = issue?.message ?? 'Invalid input';
  const message = path
    ? `Invalid field '${path}'${where}: ${what}`
    : `Invalid ${location ?? 'input'}: ${what}`;
  return new InvalidInputError(message, {
    details: location ? { path, location } : { path },
    cause: error,
  });
}
