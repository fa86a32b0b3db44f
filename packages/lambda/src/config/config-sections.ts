import type { ConfigSection } from './config-section';
import { databaseSection } from './sections/database-section';
import { heliusSection } from './sections/helius-section';
import { localProfileSection } from './sections/local-profile-section';
import { queueSection } from './sections/queue-section';
import { rateLimitSection } from './sections/rate-limit-section';
import { runtimeSection } from './sections/runtime-section';
import { screeningSection } from './sections/screening-section';
import { shopifySection } from './sections/shopify-section';
import { solanaSection } from './sections/solana-section';
import { webSection } from './sections/web-section';

/** Every configuration section, by name. A Lambda reads only the sections it needs. */
export const configSections = {
  runtime: runtimeSection,
  database: databaseSection,
  solana: solanaSection,
  shopify: shopifySection,
  web: webSection,
  helius: heliusSection,
  screening: screeningSection,
  queue: queueSection,
  rateLimits: rateLimitSection,
  localProfile: localProfileSection,
} as const;

/** The name of a configuration section. */
export type ConfigSectionName = keyof typeof configSections;

/** The whole typed configuration; {@link readConfig} returns a subset of it. */
export type AppConfig = {
  [K in ConfigSectionName]: (typeof configSections)[K] extends ConfigSection<infer T> ? T : never;
};
