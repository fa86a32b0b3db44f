import type { PaymentsAppsMutationName } from './payments-apps-request';
import type { PaymentsAppsPayload, PaymentsAppsUserError } from './payments-apps-response';

/** What a non-empty `userErrors` list means for the mutation that got it. */
export type UserErrorsVerdict = { kind: 'already-final' } | { kind: 'refused'; conflict: boolean };

type Direction = 'resolve' | 'reject';

const DIRECTION: Record<PaymentsAppsMutationName, Direction | undefined> = {
  paymentSessionResolve: 'resolve',
  paymentSessionReject: 'reject',
  refundSessionResolve: 'resolve',
  refundSessionReject: 'reject',
  paymentsAppConfigure: undefined,
};

/**
 * Decides whether `userErrors` mean "already done the same way" (success), "already final the
 * other way" (conflict) or a plain refusal. Deliberately conservative: something only counts
 * as already done when the evidence is unambiguous, because a false "success" could hide an
 * unpaid refund or an unresolved order, while a false "conflict" only raises an alert.
 *
 * Shopify documents that repeating the same operation on a session *succeeds* (no user
 * errors) and that the first different operation wins, so user errors here are rare. Evidence
 * used, strongest first:
 * 1. The session `state.__typename` in the payload, when Shopify returns it: `…StateResolved`
 *    / `…StateRejected` tells the final direction directly.
 * 2. Codes ending in `_NOT_FOUND` → refused, no conflict (wrong id or shop).
 * 3. Refund codes `REFUND_SESSION_INVALID_STATE` (Shopify: "already rejected" for resolve,
 *    "already resolved or rejected with a different reason" for reject) → conflict. For a
 *    reject this may also be a same-direction reject with another reason; we always resend the
 *    same reason, so we treat it as a conflict and let a human look.
 * 4. Messages (payment-session `UserError` has no code): "already … resolved" for a resolve,
 *    or "already … rejected" for a reject, with no mention of the other word (nor of a
 *    "different" reason) → already done. A message naming the other direction → conflict.
 * Anything else → refused without conflict. `paymentsAppConfigure` errors are always refusals.
 */
export function classifyUserErrors(
  mutation: PaymentsAppsMutationName,
  userErrors: readonly PaymentsAppsUserError[],
  payload: PaymentsAppsPayload,
): UserErrorsVerdict {
  const direction = DIRECTION[mutation];
  if (direction === undefined) return { kind: 'refused', conflict: false };

  const stateDirection = finalDirection(payload);
  if (stateDirection !== undefined) {
    return stateDirection === direction
      ? { kind: 'already-final' }
      : { kind: 'refused', conflict: true };
  }

  const verdicts = userErrors.map((error) => classifyOne(direction, error));
  if (verdicts.length > 0 && verdicts.every((verdict) => verdict === 'already-final')) {
    return { kind: 'already-final' };
  }
  return { kind: 'refused', conflict: verdicts.includes('conflict') };
}

function finalDirection(payload: PaymentsAppsPayload): Direction | undefined {
  const typename = (payload.paymentSession ?? payload.refundSession)?.state?.__typename;
  if (typename === undefined) return undefined;
  if (/StateResolved$/.test(typename)) return 'resolve';
  if (/StateRejected$/.test(typename)) return 'reject';
  return undefined;
}

function classifyOne(
  direction: Direction,
  error: PaymentsAppsUserError,
): 'already-final' | 'conflict' | 'other' {
  const code = error.code ?? '';
  if (code.endsWith('_NOT_FOUND')) return 'other';
  if (code.endsWith('_INVALID_STATE')) return 'conflict';

  const message = error.message.toLowerCase();
  const saysResolved = /\bresolved\b/.test(message);
  const saysRejected = /\brejected\b/.test(message);
  const same = direction === 'resolve' ? saysResolved : saysRejected;
  const other = direction === 'resolve' ? saysRejected : saysResolved;
  if (other) return 'conflict';
  if (same && /\balready\b/.test(message) && !/\bdifferent\b/.test(message)) {
    return 'already-final';
  }
  return 'other';
}
