import { runDemo } from './demo/run-demo';

/** `npm run demo`: the guided, headless run of the whole story; exit 0 only if every step passed. */
runDemo((line) => console.log(line)).then(
  ({ ok }) => {
    console.log(ok ? '\nDemo finished: every step passed.' : '\nDemo FAILED (see above).');
    process.exit(ok ? 0 : 1);
  },
  (error: unknown) => {
    console.error('\nDemo FAILED before the story could start:', error);
    process.exit(1);
  },
);
