import { AppError } from '../errors/app-error';

/** True for errors the app raised on purpose about bad input (4xx): not worth a Sentry report. */
export function isExpectedError(error: unknown): boolean {
  return error instanceof AppError && error.status < 500;
}
