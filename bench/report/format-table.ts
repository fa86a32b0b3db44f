import type { BenchRow } from './bench-row';

const number = (value: number | null | undefined, unit?: string): string => {
  if (value === null || value === undefined || Number.isNaN(value)) return 'n/a';
  const digits = unit === 'req/s' || unit === 'KB' ? 0 : value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return value.toFixed(digits);
};

/** Renders the rows as a plain-text table, grouped, with the baseline and ratio columns. */
export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['figure', 'measured', 'baseline', 'ratio', 'target', 'note'];
  const lines: string[][] = [];
  let group: string | undefined;
  for (const row of rows) {
    if (row.group !== group) {
      group = row.group;
      lines.push([`▸ ${group}`, '', '', '', '', '']);
    }
    const bound =
      row.target && ('text' in row.target ? row.target.text : `≤${row.target.maxRatio}×`);
    const target = row.target ? `${bound} ${row.target.met ? 'met' : 'MISSED'}` : '';
    lines.push([
      `  ${row.metric}`,
      `${number(row.value, row.unit)} ${row.unit}`,
      row.baseline === undefined ? '' : `${number(row.baseline, row.unit)} ${row.unit}`,
      row.ratio === undefined || row.ratio === null ? '' : `${row.ratio.toFixed(2)}×`,
      target,
      row.note ?? '',
    ]);
  }
  const widths = header.map((title, i) =>
    Math.max(title.length, ...lines.map((line) => (line[i] ?? '').length)),
  );
  const render = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join(' │ ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('─┼─');
  return [render(header), rule, ...lines.map(render)].join('\n');
}
