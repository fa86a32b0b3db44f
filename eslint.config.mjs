import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * Package layering (DESIGN §3.7; written out in docs/architecture.md → "Layering"). Each entry
 * names what a package's production code may not import; tests and test support are exempt.
 * `apps/green/src/deploy/package-layering.test.ts` lints wrong and right imports with these
 * rules so they cannot rot.
 */
const forbid = (regex, why) => ({ regex, message: why });
const NO_APPS = forbid(
  '^(@solpay/(green|purple|checkout|portal|local)(/|$)|(\\.\\./)+apps/)',
  'packages never import from apps: apps are the outermost layer.',
);
const NO_AWS = forbid('^(@aws-sdk/|aws-lambda$)', 'AWS SDK clients belong in adapters.');
const NO_PRISMA = forbid('^(@prisma/|@solpay/db(/|$))', 'Persistence belongs in adapters.');
const NO_MIDDY = forbid(
  '^(@middy/|@sentry/)',
  'The middy stack and Sentry live in packages/lambda.',
);
const NO_LAMBDA = forbid(
  '^@solpay/lambda(/|$)',
  'packages/lambda is the HTTP/Lambda adapter; inner layers may not import it (errors: @solpay/domain).',
);
const NO_OUTER = forbid(
  '^@solpay/(composition|handlers|persistence|adapters)(/|$)',
  'Composition and adapters may not be imported inward.',
);
const NO_TESTKIT = forbid(
  '^@solpay/testkit(/|$)',
  'The testkit is for tests and the local stack only.',
);
/** What no inner package (domain, solana, shopify) may import. */
const INNER_PACKAGE = [NO_APPS, NO_AWS, NO_PRISMA, NO_MIDDY, NO_LAMBDA, NO_OUTER, NO_TESTKIT];
const LAYERS = [
  // Every package (later entries replace this one for the packages they name).
  { files: ['packages/**/*.ts'], forbidden: [NO_APPS] },
  {
    files: ['packages/domain/**/*.ts'],
    forbidden: [
      ...INNER_PACKAGE,
      forbid(
        '^@solpay/(queue|shopify|solana|web)(/|$)',
        'The domain talks to ports; other packages implement them.',
      ),
      forbid('^(node:)?(http|https|http2|net|tls)$', 'The domain speaks no HTTP or sockets.'),
      forbid(
        '^(@solana/|@shopify/)',
        'The domain talks to chain and Shopify ports, not their SDKs.',
      ),
    ],
  },
  {
    files: ['packages/solana/**/*.ts'],
    forbidden: [
      ...INNER_PACKAGE,
      forbid('^@solpay/(queue|shopify|web)(/|$)', 'packages/solana knows only the domain.'),
    ],
  },
  {
    files: ['packages/shopify/**/*.ts'],
    forbidden: [
      ...INNER_PACKAGE,
      forbid('^(@solpay/(queue|solana|web)(/|$)|@solana/)', 'packages/shopify knows only Shopify.'),
    ],
  },
  {
    files: ['packages/queue/**/*.ts'],
    forbidden: [NO_APPS, NO_MIDDY, NO_LAMBDA, NO_OUTER, NO_TESTKIT],
  },
  {
    files: ['packages/db/**/*.ts'],
    forbidden: [
      NO_APPS,
      NO_AWS,
      NO_MIDDY,
      NO_LAMBDA,
      NO_OUTER,
      NO_TESTKIT,
      forbid('^@solpay/(domain|queue|shopify|solana|web)(/|$)', 'packages/db knows only Prisma.'),
    ],
  },
  {
    files: ['packages/lambda/**/*.ts'],
    forbidden: [
      NO_APPS,
      NO_PRISMA,
      NO_OUTER,
      NO_TESTKIT,
      forbid(
        '^@solpay/(queue|shopify|solana|web)(/|$)',
        'packages/lambda is the HTTP/Lambda stack; capabilities come in through composition.',
      ),
    ],
  },
  {
    files: ['packages/persistence/**/*.ts'],
    forbidden: [
      NO_APPS,
      NO_AWS,
      NO_MIDDY,
      NO_TESTKIT,
      forbid(
        '^@solpay/(composition|handlers|adapters)(/|$)',
        'Persistence adapters know the domain, db and queue; composition wires them to the rest.',
      ),
    ],
  },
  {
    files: ['packages/adapters/**/*.ts'],
    forbidden: [
      NO_APPS,
      NO_PRISMA,
      NO_MIDDY,
      NO_TESTKIT,
      forbid(
        '^@solpay/(composition|handlers|persistence)(/|$)',
        'Outbound adapters implement ports; composition wires them to the rest.',
      ),
    ],
  },
  {
    files: ['packages/handlers/**/*.ts'],
    forbidden: [
      NO_APPS,
      NO_PRISMA,
      NO_TESTKIT,
      forbid(
        '^@solpay/(composition|adapters|persistence)(/|$)',
        'Handler factories receive their dependencies (ports); only composition builds them.',
      ),
    ],
  },
  {
    files: ['packages/composition/**/*.ts'],
    forbidden: [NO_APPS, NO_TESTKIT],
  },
];

/** Layering blocks (listed last so that nothing later replaces their options). */
const layering = LAYERS.map(({ files, forbidden }) => ({
  files,
  ignores: ['**/*.test.ts', '**/test-support/**', '**/testing/**'],
  rules: { 'no-restricted-imports': ['error', { patterns: forbidden }] },
}));

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/generated/**',
      '.local/**',
      '.serverless/**',
      '.esbuild/**',
      '**/dist/**',
      'coverage/**',
      'test-artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through the config module (packages/lambda/src/config).',
        },
      ],
    },
  },
  {
    // The config modules, the local stack and CLIs are the places allowed to read process.env.
    files: [
      'packages/lambda/src/config/**',
      'apps/local/**',
      'packages/*/src/cli/**',
      'bench/**',
      'scripts/**',
      'prisma.config.ts',
      'jest.setup-env.ts',
      '**/*.test.ts',
      'packages/testkit/**',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  ...layering,
);
