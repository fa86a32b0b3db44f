/** Result of {@link acceptedApiVersion}. */
export type AcceptedApiVersionResult =
  | { ok: true; version: string }
  | {
      ok: false;
      reason: 'missing' | 'malformed' | 'unstable-not-allowed' | 'too-old' | 'too-new';
    };

/** Shopify releases stable versions quarterly: `YYYY-01`, `-04`, `-07`, `-10`. */
const STABLE_VERSION = /^(\d{4})-(01|04|07|10)$/;
const UNSTABLE = 'unstable';

/** Each stable version is supported for at least this long after its release. */
export const API_VERSION_SUPPORT_MONTHS = 12;

/**
 * Validates the `Shopify-Api-Version` header of an inbound payment/refund session request
 * and returns the version to use for this session's GraphQL mutations (Shopify expects the
 * mutations in the same version as the request).
 *
 * Rule (with `configuredVersion` = the version this build was written and tested against):
 * - a stable version `YYYY-MM` (MM in 01/04/07/10) is accepted when it is **not newer** than
 *   the configured one (we do not claim to understand shapes we were not built for) and
 *   **at most 12 months older** (older ones are past Shopify's support window);
 * - `unstable` is accepted only when the configured version is `unstable` (local/dev), in
 *   which case any well-formed stable version is accepted too.
 *
 * So a version bump deploys the app first (configured = new), then the extension config.
 * Throws if `configuredVersion` itself is malformed (a configuration error).
 */
export function acceptedApiVersion(
  headerValue: string | undefined,
  configuredVersion: string,
): AcceptedApiVersionResult {
  const configured = configuredVersion === UNSTABLE ? UNSTABLE : monthIndex(configuredVersion);
  if (configured === undefined) {
    throw new Error(`Configured Shopify API version is malformed: ${configuredVersion}`);
  }
  const version = headerValue?.trim();
  if (version === undefined || version === '') return { ok: false, reason: 'missing' };
  if (version === UNSTABLE) {
    return configured === UNSTABLE
      ? { ok: true, version }
      : { ok: false, reason: 'unstable-not-allowed' };
  }
  const inbound = monthIndex(version);
  if (inbound === undefined) return { ok: false, reason: 'malformed' };
  if (configured === UNSTABLE) return { ok: true, version };
  if (inbound > configured) return { ok: false, reason: 'too-new' };
  if (inbound < configured - API_VERSION_SUPPORT_MONTHS) return { ok: false, reason: 'too-old' };
  return { ok: true, version };
}

/** Months since year 0 for a stable version, or `undefined` when malformed. */
function monthIndex(version: string): number | undefined {
  const match = STABLE_VERSION.exec(version);
  if (!match) return undefined;
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}
