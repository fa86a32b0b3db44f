import { describe, expect, it } from '@jest/globals';
import { parseReplayArgs } from './parse-replay-args';

const id = '0b6f3a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';

describe('parseReplayArgs', () => {
  it('takes mutation ids', () => {
    expect(parseReplayArgs([id, id.toUpperCase()])).toEqual({
      ok: true,
      selection: { mutationIds: [id, id] },
      force: false,
    });
  });

  it('takes --all-exhausted and --force', () => {
    expect(parseReplayArgs(['--all-exhausted', '--force'])).toEqual({
      ok: true,
      selection: { allExhausted: true },
      force: true,
    });
  });

  it.each([[[]], [['--all-exhausted', id]], [['--nope']], [['not-a-uuid']], [['--help']]])(
    'refuses %j with the usage',
    (argv) => {
      const parsed = parseReplayArgs(argv);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toContain('usage: npm run replay');
    },
  );
});
