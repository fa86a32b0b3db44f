import type { RecordedMutation } from '@solpay/testkit';

/** One finished step of the demo, for the summary table. */
export interface DemoStepResult {
  step: string;
  /** What happened, in a few words (or why it failed). */
  outcome: string;
  ok: boolean;
  ms: number;
  /** Shopify Payments Apps mutations the simulator received during the step, summarised. */
  mutations: string;
}

/** Runs the demo's steps in order, narrating each and recording what Shopify saw. */
export interface DemoSteps {
  /**
   * Runs `body` as step `name`: prints a header, lets `body` narrate via `say`, and records its
   * outcome (the string it returns), duration and the Shopify mutations received meanwhile.
   * A throw is recorded as the step's failure and re-thrown.
   */
  run(name: string, body: (say: (line: string) => void) => Promise<string>): Promise<void>;
  /** Every step run so far. */
  readonly results: readonly DemoStepResult[];
}

/** Creates the step runner; `mutations` reads the simulator's log of received mutations. */
export function createDemoSteps(
  mutations: () => RecordedMutation[],
  print: (line: string) => void,
): DemoSteps {
  const results: DemoStepResult[] = [];
  return {
    results,
    async run(name, body) {
      const index = results.length + 1;
      print(`\n▶ ${index}. ${name}`);
      const seen = mutations().length;
      const started = performance.now();
      const say = (line: string) =>
        print(`   ${((performance.now() - started) / 1000).toFixed(1).padStart(5)}s  ${line}`);
      let outcome: string;
      let ok = true;
      try {
        outcome = await body(say);
      } catch (error) {
        ok = false;
        outcome = `FAILED: ${error instanceof Error ? error.message : String(error)}`;
      }
      const ms = performance.now() - started;
      const result = {
        step: name,
        outcome,
        ok,
        ms,
        mutations: summarizeMutations(mutations().slice(seen)),
      };
      results.push(result);
      print(`   ${ok ? '✔' : '✘'} ${outcome} (${(ms / 1000).toFixed(1)} s)`);
      if (!ok) throw new Error(`step "${name}" failed: ${outcome.replace(/^FAILED: /, '')}`);
    },
  };
}

/** `paymentSessionResolve ✓1 ✗6` per mutation name (✓ success, ✗ any failed attempt). */
export function summarizeMutations(received: readonly RecordedMutation[]): string {
  const byName = new Map<string, { ok: number; failed: number }>();
  for (const m of received) {
    const name = m.mutation ?? '(unparsed)';
    const tally = byName.get(name) ?? { ok: 0, failed: 0 };
    if (m.answeredWith === 'success') tally.ok += 1;
    else tally.failed += 1;
    byName.set(name, tally);
  }
  if (byName.size === 0) return '—';
  return [...byName]
    .map(
      ([name, t]) =>
        `${name} ${t.ok ? `✓${t.ok}` : ''}${t.ok && t.failed ? ' ' : ''}${t.failed ? `✗${t.failed}` : ''}`,
    )
    .join(', ');
}
