import { httpErrorRuleOf } from '../errors/http-error-table';

/** True for errors the app raised on purpose about bad input (4xx): not worth a Sentry report. */
export function isExpectedError(error: unknown): boolean {
  return httpErrorRuleOf(error).status < 500;
}
