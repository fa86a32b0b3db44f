import type { ReplaySelection } from './replay-mutations';

/** Parsed command line of `npm run replay`. */
export type ReplayArgs =
  { ok: true; selection: ReplaySelection; force: boolean } | { ok: false; message: string };

/** Usage text of `npm run replay`. */
export const REPLAY_USAGE = [
  'usage: npm run replay -- <mutation-id>... [--force]',
  '       npm run replay -- --all-exhausted [--force]',
  '',
  'Moves EXHAUSTED Shopify mutations (and FAILED ones with --force) back to PENDING with a',
  'fresh retry budget and sends each once; further failures follow the normal retry path.',
].join('\n');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Parses `argv` (without node and script): ids or `--all-exhausted`, plus `--force`. */
export function parseReplayArgs(argv: readonly string[]): ReplayArgs {
  let all = false;
  let force = false;
  const ids: string[] = [];
  for (const arg of argv) {
    if (arg === '--all-exhausted') all = true;
    else if (arg === '--force') force = true;
    else if (arg === '--help' || arg === '-h') return { ok: false, message: REPLAY_USAGE };
    else if (arg.startsWith('-'))
      return { ok: false, message: `unknown option ${arg}\n${REPLAY_USAGE}` };
    else if (UUID.test(arg)) ids.push(arg.toLowerCase());
    else return { ok: false, message: `not a mutation id: ${arg}\n${REPLAY_USAGE}` };
  }
  if (all && ids.length > 0) {
    return { ok: false, message: `give ids or --all-exhausted, not both\n${REPLAY_USAGE}` };
  }
  if (!all && ids.length === 0) return { ok: false, message: REPLAY_USAGE };
  return { ok: true, selection: all ? { allExhausted: true } : { mutationIds: ids }, force };
}
