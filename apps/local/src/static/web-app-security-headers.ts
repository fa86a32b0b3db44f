import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import * as z from 'zod';
import { cloudFormationTags } from '../gateway/cloudformation-tags';
import {
  cloudFrontSecurityHeaders,
  responseHeadersPolicyConfigSchema,
} from './cloud-front-security-headers';

/** The web apps served behind CloudFront on AWS (and by `startStaticSite` locally). */
export type WebAppName = 'checkout' | 'portal';

/** The serverless.yml resource holding each web app's response headers policy. */
export const WEB_APP_HEADERS_POLICIES: Readonly<Record<WebAppName, string>> = {
  checkout: 'CheckoutHeadersPolicy',
  portal: 'PortalHeadersPolicy',
};

/** The origins a web app's pages may connect to (CSP `connect-src`) where it is served. */
export interface WebAppOrigins {
  /** The purple API, e.g. `https://api.solpay.example.com` (`https://${param:purpleDomain}`). */
  purpleOrigin: string;
  /** The RPC the browser may broadcast through (`${param:browserRpcOrigin}`); none if unset. */
  browserRpcOrigin?: string | undefined;
}

/** The response headers of one web app for the origins it is served with. */
export type WebAppSecurityHeaders = (origins: WebAppOrigins) => Record<string, string>;

const serverlessSchema = z.looseObject({
  resources: z.looseObject({ Resources: z.record(z.string(), z.unknown()) }),
});

const policyResourceSchema = z.looseObject({
  Type: z.literal('AWS::CloudFront::ResponseHeadersPolicy'),
  Properties: z.looseObject({ ResponseHeadersPolicyConfig: responseHeadersPolicyConfigSchema }),
});

const PURPLE = 'https://${param:purpleDomain}';
const BROWSER_RPC = '${param:browserRpcOrigin}';

/**
 * Reads `app`'s CloudFront response headers policy from serverless.yml — the one definition of
 * the web apps' CSP, HSTS, framing and referrer rules — and returns the headers CloudFront adds,
 * with the policy's `${param:…}` origins replaced by `origins` (so the local servers send what
 * AWS sends, pointed at the local purple gateway and chain). Throws if the policy is missing,
 * uses a setting the mirror does not know, or holds another variable.
 */
export function loadWebAppSecurityHeaders(
  serverlessYmlPath: string,
  app: WebAppName,
): WebAppSecurityHeaders {
  const document = serverlessSchema.parse(
    parse(readFileSync(serverlessYmlPath, 'utf8'), { customTags: cloudFormationTags }),
  );
  const name = WEB_APP_HEADERS_POLICIES[app];
  const resource = policyResourceSchema.safeParse(document.resources.Resources[name]);
  if (!resource.success) {
    throw new Error(
      `${serverlessYmlPath}: ${name} is not a response headers policy the local mirror can read: ` +
        z.prettifyError(resource.error),
    );
  }
  const templates = cloudFrontSecurityHeaders(resource.data.Properties.ResponseHeadersPolicyConfig);
  return (origins) => {
    const purple = new URL(origins.purpleOrigin).origin;
    const rpc = origins.browserRpcOrigin ? new URL(origins.browserRpcOrigin).origin : '';
    const headers: Record<string, string> = {};
    for (const [header, template] of Object.entries(templates)) {
      const value = template
        .replaceAll(PURPLE, purple)
        .replaceAll(BROWSER_RPC, rpc)
        .replace(/ {2,}/g, ' ')
        .replace(/ ;/g, ';')
        .trim();
      if (value.includes('${')) {
        throw new Error(`${name}: ${header} holds a variable the local mirror cannot resolve`);
      }
      headers[header] = value;
    }
    return headers;
  };
}
