/** Wallets show at least the first 80 characters of the message (spec B.2). */
export const TRANSACTION_REQUEST_MESSAGE_MAX = 80;

const GENERIC = 'Something went wrong. Please try again.';

/**
 * The JSON body of a transaction-request error answer: `{ message }`, at most 80 characters.
 * The error's own message is shown only when `expose` says so (the HTTP adapter's error table
 * decides: client errors yes, server errors never); anything else gets a generic text, so
 * internals never leak.
 */
export function transactionRequestErrorBody(error: unknown, expose: boolean): { message: string } {
  const message = expose && error instanceof Error ? error.message : GENERIC;
  return {
    message:
      message.length <= TRANSACTION_REQUEST_MESSAGE_MAX
        ? message
        : `${message.slice(0, TRANSACTION_REQUEST_MESSAGE_MAX - 1)}…`,
  };
}
