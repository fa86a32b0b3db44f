/** @jest-config-loader esbuild-register */
import type { Config } from 'jest';

/** Packages published only as ES modules, compiled to CommonJS for jest by swc. */
const esmPackages = [
  '@middy',
  'litesvm',
  '@solana/kit',
  '@solana-program',
  '@solana/[a-z-]+',
  'aws-local-stepfunctions',
  'fauxqs',
  'valibot',
  'uuid',
  'jose',
  '@wallet-standard',
  '@electric-sql',
];

const shared = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j|mj|cj)sx?$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2023' },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json', 'node'],
  // These publish only an `import` condition, which jest's CommonJS resolver never matches.
  moduleNameMapper: {
    '^@middy/(core|util)$': '<rootDir>/node_modules/@middy/$1/index.js',
    '^fauxqs$': '<rootDir>/node_modules/fauxqs/dist/app.js',
  },
  testPathIgnorePatterns: ['/node_modules/', '/.local/', '/dist/'],
  setupFiles: ['<rootDir>/jest.setup-env.ts'],
} satisfies Config;

const config: Config = {
  // jest's default on a 2-core machine is one worker, which leaves the second core idle while a
  // test waits on its stack (slots, finality, timers, the browser). Two workers keep both busy.
  maxWorkers: 2,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,packages}/**/*.test.ts'],
      testPathIgnorePatterns: [
        ...shared.testPathIgnorePatterns,
        '\\.(int|e2e|fault|fuzz)\\.test\\.ts$',
      ],
    },
    {
      ...shared,
      displayName: 'integration',
      setupFilesAfterEnv: ['<rootDir>/jest.setup-slow-tests.ts'],
      testMatch: ['<rootDir>/{apps,packages}/**/*.int.test.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      setupFilesAfterEnv: ['<rootDir>/jest.setup-slow-tests.ts'],
      testMatch: ['<rootDir>/{apps,packages}/**/*.e2e.test.ts'],
    },
    {
      ...shared,
      displayName: 'fault',
      setupFilesAfterEnv: ['<rootDir>/jest.setup-slow-tests.ts'],
      testMatch: ['<rootDir>/{apps,packages}/**/*.fault.test.ts'],
    },
    {
      ...shared,
      displayName: 'fuzz',
      setupFilesAfterEnv: ['<rootDir>/jest.setup-slow-tests.ts'],
      testMatch: ['<rootDir>/{apps,packages}/**/*.fuzz.test.ts'],
    },
  ],
};

export default config;
