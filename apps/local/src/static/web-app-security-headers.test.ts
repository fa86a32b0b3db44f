import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { cloudFormationTags } from '../gateway/cloudformation-tags';
import { findRepositoryRoot } from '../stack/find-repository-root';
import { cloudFrontSecurityHeaders } from './cloud-front-security-headers';
import { loadWebAppSecurityHeaders, WEB_APP_HEADERS_POLICIES } from './web-app-security-headers';

const serverlessYml = join(findRepositoryRoot(), 'serverless.yml');
const document = parse(readFileSync(serverlessYml, 'utf8'), {
  customTags: cloudFormationTags,
}) as {
  params: Record<string, Record<string, string>>;
  resources: { Resources: Record<string, { Properties: Record<string, unknown> }> };
};
const prod = { ...document.params.default, ...document.params.prod };
const prodOrigins = {
  purpleOrigin: `https://${prod.purpleDomain}`,
  browserRpcOrigin: prod.browserRpcOrigin,
};

/** The directives the web apps rely on, whatever else the policy says. */
const BASE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " + 'connect-src';

describe('web app security headers (mirrored from the CloudFront policies of serverless.yml)', () => {
  it('are the headers CloudFront sends for the prod stage: checkout (never framed)', () => {
    expect(loadWebAppSecurityHeaders(serverlessYml, 'checkout')(prodOrigins)).toEqual({
      'Content-Security-Policy':
        `${BASE_CSP} 'self' https://api.solpay.example.com https://api.mainnet-beta.solana.com; ` +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
      'Strict-Transport-Security': 'max-age=63072000; includeSubDomains; preload',
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
    });
  });

  it('are the headers CloudFront sends for the prod stage: portal (framed only by Shopify admin)', () => {
    expect(loadWebAppSecurityHeaders(serverlessYml, 'portal')(prodOrigins)).toEqual({
      'Content-Security-Policy':
        `${BASE_CSP} 'self' https://api.solpay.example.com https://api.mainnet-beta.solana.com; ` +
        "object-src 'none'; base-uri 'none'; form-action 'self'; " +
        'frame-ancestors https://admin.shopify.com https://*.myshopify.com',
      'Strict-Transport-Security': 'max-age=63072000; includeSubDomains; preload',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    });
  });

  it('read the policies the distributions actually use', () => {
    const { Resources } = document.resources;
    const policyOf = (distribution: string) =>
      (
        Resources[distribution]?.Properties.DistributionConfig as {
          DefaultCacheBehavior: { ResponseHeadersPolicyId: unknown };
        }
      ).DefaultCacheBehavior.ResponseHeadersPolicyId;
    expect(policyOf('CheckoutDistribution')).toEqual({ Ref: WEB_APP_HEADERS_POLICIES.checkout });
    expect(policyOf('PortalDistribution')).toEqual({ Ref: WEB_APP_HEADERS_POLICIES.portal });
  });

  it('point connect-src at the local purple gateway and chain, by origin', () => {
    const headers = loadWebAppSecurityHeaders(
      serverlessYml,
      'checkout',
    )({
      purpleOrigin: 'https://127.0.0.1:4001',
      browserRpcOrigin: 'http://127.0.0.1:8899/',
    });
    expect(headers['Content-Security-Policy']).toContain(
      "connect-src 'self' https://127.0.0.1:4001 http://127.0.0.1:8899;",
    );
    const withoutRpc = loadWebAppSecurityHeaders(
      serverlessYml,
      'checkout',
    )({
      purpleOrigin: 'https://127.0.0.1:4001',
    });
    expect(withoutRpc['Content-Security-Policy']).toContain(
      "connect-src 'self' https://127.0.0.1:4001;",
    );
  });
});

describe('loadWebAppSecurityHeaders on other files', () => {
  const load = (yml: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'solpay-headers-'));
    try {
      writeFileSync(join(dir, 'serverless.yml'), yml);
      return loadWebAppSecurityHeaders(join(dir, 'serverless.yml'), 'checkout');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const policy = (config: string) =>
    `resources:\n  Resources:\n    CheckoutHeadersPolicy:\n      Type: AWS::CloudFront::ResponseHeadersPolicy\n      Properties:\n        ResponseHeadersPolicyConfig:\n${config}`;

  it('fails loudly on a missing policy, a setting it cannot mirror, or an unknown variable', () => {
    expect(() => load('resources:\n  Resources: {}\n')).toThrow(/CheckoutHeadersPolicy/);
    expect(() =>
      load(policy('          CorsConfig: { AccessControlAllowCredentials: false }\n')),
    ).toThrow(/CorsConfig/);
    const headers = load(
      policy(
        '          CustomHeadersConfig:\n            Items: [{ Header: X-Stage, Value: "${sls:stage}", Override: true }]\n',
      ),
    );
    expect(() => headers({ purpleOrigin: 'https://127.0.0.1:1' })).toThrow(/X-Stage/);
  });
});

describe('cloudFrontSecurityHeaders', () => {
  it('writes every security header CloudFront knows, and custom headers', () => {
    expect(
      cloudFrontSecurityHeaders({
        SecurityHeadersConfig: {
          StrictTransportSecurity: { Override: true, AccessControlMaxAgeSec: 60 },
          FrameOptions: { Override: true, FrameOption: 'SAMEORIGIN' },
          XSSProtection: { Override: true, Protection: true, ModeBlock: true },
        },
        CustomHeadersConfig: { Items: [{ Header: 'X-Test', Value: 'yes', Override: true }] },
      }),
    ).toEqual({
      'Strict-Transport-Security': 'max-age=60',
      'X-Frame-Options': 'SAMEORIGIN',
      'X-XSS-Protection': '1; mode=block',
      'X-Test': 'yes',
    });
  });
});
