import type { DemoStepResult } from './demo-steps';

/** The demo's closing table: step, outcome, time, Shopify mutations seen. */
export function formatDemoSummary(results: readonly DemoStepResult[]): string {
  const rows = results.map((r, i) => [
    `${i + 1}. ${r.step}`,
    `${r.ok ? '✔' : '✘'} ${r.outcome}`,
    `${(r.ms / 1000).toFixed(1)} s`,
    r.mutations,
  ]);
  const header = ['Step', 'Outcome', 'Time', 'Shopify mutations seen (✓ ok, ✗ failed)'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
