import type { Clock } from '@solpay/domain';

/**
 * A clock that runs `1 / timeScale` times faster than the wall clock from `origin` on. Pair it
 * with `startLocalRetryInfrastructure({ timeScale })`: waits shrink by `timeScale`, and this clock
 * makes the rows' `nextAttemptAt` due exactly when the shortened wait ends.
 */
export function createScaledClock(timeScale: number, origin: Date = new Date()): Clock {
  if (!(timeScale > 0)) throw new RangeError('timeScale must be > 0');
  const start = origin.getTime();
  const realStart = Date.now();
  return { now: () => new Date(start + (Date.now() - realStart) / timeScale) };
}
