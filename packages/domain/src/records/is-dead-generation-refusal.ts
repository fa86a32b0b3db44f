import type { ValidationFailureReason } from '../ports/chain-port';

/**
 * Refusals that prove a transaction we served landed (`meta.err` null, at the configured
 * commitment), created the record's guard, and still does not pay the record — a self-transfer
 * (`balance-mismatch`), or a transfer that no longer matches the record. Such a transaction has
 * consumed that guard generation for nothing: no other transaction of that generation can land,
 * so the generation is dead (rotate for new serves; a reject needs no burn for it).
 *
 * Not in the list: `not-found` / `not-yet-committed` (may still change), `failed-on-chain` (a
 * failed transaction consumes nothing), `missing-guard` (the guard was not consumed by it), and
 * `foreign-fee-payer` (a transaction we served under a gas key rotated out of validation may
 * well have moved the money: re-serving could make the buyer pay twice, so it waits for an
 * operator — see the stuck-payment runbook).
 */
const DEAD_GENERATION_REFUSALS: ReadonlySet<ValidationFailureReason> = new Set([
  'wrong-program',
  'not-transfer-checked',
  'wrong-mint',
  'wrong-decimals',
  'wrong-amount',
  'wrong-destination',
  'missing-reference',
  'balance-mismatch',
]);

/** Whether a validation refusal of one of OUR served transactions leaves its guard generation dead. */
export function isDeadGenerationRefusal(reason: ValidationFailureReason): boolean {
  return DEAD_GENERATION_REFUSALS.has(reason);
}
