/**
 * An error as it crosses a thread boundary: structured cloning keeps an Error's name, message
 * and stack but drops `code`, `errno`, `syscall`, `address` and `port`, which callers match on
 * (e.g. `EADDRINUSE`), so those travel as plain properties.
 */
export interface ThreadError {
  name: string;
  message: string;
  stack?: string;
  properties: Record<string, unknown>;
}

/** Packs `error` for `postMessage`, keeping its primitive own properties. */
export function toThreadError(error: unknown): ThreadError {
  if (!(error instanceof Error)) {
    return { name: 'Error', message: String(error), properties: {} };
  }
  const properties: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
      properties[key] = value;
    }
  }
  return { name: error.name, message: error.message, stack: error.stack, properties };
}

/** The Error a {@link ThreadError} was made from, with its `code` and friends. */
export function fromThreadError({ name, message, stack, properties }: ThreadError): Error {
  const error = Object.assign(new Error(message), properties);
  if (error.name !== name) error.name = name;
  if (stack !== undefined) error.stack = stack;
  return error;
}
