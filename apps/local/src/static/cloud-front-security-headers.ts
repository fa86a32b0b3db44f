import * as z from 'zod';

const override = z.boolean();

/**
 * The parts of a CloudFront `ResponseHeadersPolicyConfig` that add response headers. Strict: a
 * setting this mirror does not know fails loudly instead of being silently left out locally.
 */
export const responseHeadersPolicyConfigSchema = z.strictObject({
  Name: z.string().optional(),
  Comment: z.string().optional(),
  SecurityHeadersConfig: z
    .strictObject({
      ContentSecurityPolicy: z
        .strictObject({ Override: override, ContentSecurityPolicy: z.string() })
        .optional(),
      StrictTransportSecurity: z
        .strictObject({
          Override: override,
          AccessControlMaxAgeSec: z.number().int().nonnegative(),
          IncludeSubdomains: z.boolean().optional(),
          Preload: z.boolean().optional(),
        })
        .optional(),
      ContentTypeOptions: z.strictObject({ Override: override }).optional(),
      FrameOptions: z
        .strictObject({ Override: override, FrameOption: z.enum(['DENY', 'SAMEORIGIN']) })
        .optional(),
      ReferrerPolicy: z.strictObject({ Override: override, ReferrerPolicy: z.string() }).optional(),
      XSSProtection: z
        .strictObject({
          Override: override,
          Protection: z.boolean(),
          ModeBlock: z.boolean().optional(),
          ReportUri: z.string().optional(),
        })
        .optional(),
    })
    .optional(),
  CustomHeadersConfig: z
    .strictObject({
      Items: z.array(z.strictObject({ Header: z.string(), Value: z.string(), Override: override })),
    })
    .optional(),
});

/** A CloudFront response headers policy configuration. */
export type ResponseHeadersPolicyConfig = z.output<typeof responseHeadersPolicyConfigSchema>;

/**
 * The HTTP response headers CloudFront adds for `policy`, as CloudFront writes them (e.g.
 * `StrictTransportSecurity` → `max-age=…; includeSubDomains; preload`). Whitespace runs in the
 * CSP (YAML folding) collapse to one space. Values keep any unresolved `${…}` variables.
 */
export function cloudFrontSecurityHeaders(
  policy: ResponseHeadersPolicyConfig,
): Record<string, string> {
  const headers: Record<string, string> = {};
  const security = policy.SecurityHeadersConfig ?? {};
  if (security.ContentSecurityPolicy) {
    headers['Content-Security-Policy'] =
      security.ContentSecurityPolicy.ContentSecurityPolicy.replace(/\s+/g, ' ').trim();
  }
  const hsts = security.StrictTransportSecurity;
  if (hsts) {
    headers['Strict-Transport-Security'] = [
      `max-age=${hsts.AccessControlMaxAgeSec}`,
      ...(hsts.IncludeSubdomains ? ['includeSubDomains'] : []),
      ...(hsts.Preload ? ['preload'] : []),
    ].join('; ');
  }
  if (security.ContentTypeOptions) headers['X-Content-Type-Options'] = 'nosniff';
  if (security.FrameOptions) headers['X-Frame-Options'] = security.FrameOptions.FrameOption;
  if (security.ReferrerPolicy) headers['Referrer-Policy'] = security.ReferrerPolicy.ReferrerPolicy;
  const xss = security.XSSProtection;
  if (xss) {
    headers['X-XSS-Protection'] = !xss.Protection
      ? '0'
      : [
          '1',
          ...(xss.ModeBlock ? ['mode=block'] : []),
          ...(xss.ReportUri ? [`report=${xss.ReportUri}`] : []),
        ].join('; ');
  }
  for (const item of policy.CustomHeadersConfig?.Items ?? []) headers[item.Header] = item.Value;
  return headers;
}
