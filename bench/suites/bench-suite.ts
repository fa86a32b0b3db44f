import type { BenchRow } from '../report/bench-row';
import type { BenchContext } from './bench-context';

/** One part of `npm run bench`, selectable with `--only <name>`. */
export interface BenchSuite {
  name: string;
  title: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}
