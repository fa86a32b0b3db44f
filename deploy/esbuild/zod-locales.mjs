// Stand-in for zod's `locales` namespace in Lambda bundles (see lambda-plugins.cjs): English only.
export { default as en } from 'zod/v4/locales/en.js';
