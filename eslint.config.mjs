import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

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
);
