// `npm audit --omit=dev` with an allow-list: fails on high/critical advisories of production
// dependencies unless `.ci/audit-allowlist.json` lists them (GHSA id, reason, unexpired date).
// If the registry's audit endpoint cannot be reached, it says so loudly and does not pass
// silently: the step is reported as SKIPPED (exit 0) so that offline mirrors do not break CI.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const SEVERE = new Set(['high', 'critical']);
const allowList = JSON.parse(
  readFileSync(new URL('./audit-allowlist.json', import.meta.url), 'utf8'),
);
const today = new Date().toISOString().slice(0, 10);
const allowed = new Map(
  allowList.advisories.filter((entry) => entry.expires >= today).map((entry) => [entry.id, entry]),
);

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = undefined;
}
if (!report || report.error || !report.vulnerabilities) {
  console.log('::warning::npm audit SKIPPED: the registry audit endpoint could not be reached.');
  console.log((report?.error?.summary ?? run.stderr ?? '').toString().trim());
  process.exit(0);
}

const failures = [];
for (const [name, vulnerability] of Object.entries(report.vulnerabilities)) {
  for (const via of vulnerability.via) {
    if (typeof via !== 'object' || !SEVERE.has(via.severity)) continue;
    const id = String(via.url ?? '')
      .split('/')
      .pop();
    if (allowed.has(id)) {
      console.log(
        `allowed: ${name} ${id} (${allowed.get(id).reason}; until ${allowed.get(id).expires})`,
      );
      continue;
    }
    failures.push(`${via.severity}: ${name} — ${via.title} (${via.url})`);
  }
}
if (failures.length > 0) {
  console.error(
    `npm audit: ${failures.length} high/critical advisories in production dependencies:`,
  );
  for (const failure of [...new Set(failures)]) console.error(`  ${failure}`);
  console.error('Fix them, or add a justified, dated entry to .ci/audit-allowlist.json.');
  process.exit(1);
}
console.log('npm audit: no unaccepted high/critical advisories in production dependencies.');
