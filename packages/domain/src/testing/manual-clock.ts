import type { Clock } from '../ports/clock';

/** A {@link Clock} that stands still until a test moves it. */
export class ManualClock implements Clock {
  private current: Date;

  constructor(start: Date | string = '2026-12-02T10:00:00.000Z') {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  /** Moves the clock forward by `ms`. */
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }

  /** Sets the clock to `at`. */
  set(at: Date | string): void {
    this.current = new Date(at);
  }
}
