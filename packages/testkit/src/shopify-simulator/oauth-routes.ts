import * as z from 'zod';
import { currentShop } from './current-shop';
import { grantPage } from './grant-page';
import { html } from './html';
import { mediaType, parseForm, readBody, redirect, sendHtml, sendJson } from './http-io';
import { signedQueryString, shopifyHostParam } from './oauth-query-hmac';
import { pageLayout } from './page-layout';
import type { Route, RouteContext } from './route';

const APP_NAME = 'Solana Pay';

const authorizeSchema = z.object({
  client_id: z.string().min(1),
  scope: z.string().default(''),
  redirect_uri: z.url({ protocol: /^https?$/ }),
  state: z.string().min(1),
});

const accessTokenSchema = z.union([
  z.object({
    client_id: z.string(),
    client_secret: z.string(),
    grant_type: z.literal('refresh_token'),
    refresh_token: z.string().min(1),
  }),
  z.object({
    client_id: z.string(),
    client_secret: z.string(),
    code: z.string().min(1),
    expiring: z
      .union([z.literal('1'), z.literal('0'), z.literal(1), z.literal(0), z.boolean()])
      .optional(),
  }),
]);

function oauthError(ctx: RouteContext, message: string): void {
  sendHtml(
    ctx.res,
    400,
    pageLayout({
      title: 'Oauth error',
      area: 'admin',
      shop: currentShop(ctx.state, ctx.req, ctx.url).shop,
      body: html`<div class="banner critical" role="alert">${message}</div>`,
    }),
  );
}

/** OAuth (merchant side) and the admin's install link. */
export const oauthRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/admin\/oauth\/authorize$/,
    handle(ctx) {
      const query = Object.fromEntries(ctx.url.searchParams);
      const parsed = authorizeSchema.safeParse(query);
      if (!parsed.success)
        return oauthError(ctx, `Invalid authorize request: ${parsed.error.issues[0]?.message}`);
      if (parsed.data.client_id !== ctx.state.apiKey) return oauthError(ctx, 'Unknown client_id');
      const { shop, remember } = currentShop(ctx.state, ctx.req, ctx.url);
      sendHtml(
        ctx.res,
        200,
        grantPage({
          appName: APP_NAME,
          shop,
          shops: ctx.state.shops,
          clientId: parsed.data.client_id,
          scope: parsed.data.scope,
          redirectUri: parsed.data.redirect_uri,
          state: parsed.data.state,
        }),
        remember,
      );
    },
  },
  {
    method: 'POST',
    pattern: /^\/admin\/oauth\/authorize$/,
    async handle(ctx) {
      const form = parseForm(await readBody(ctx.req));
      const parsed = authorizeSchema.extend({ shop: z.string() }).safeParse(form);
      if (!parsed.success) return oauthError(ctx, 'Invalid install form');
      const { shop } = parsed.data;
      if (parsed.data.client_id !== ctx.state.apiKey) return oauthError(ctx, 'Unknown client_id');
      if (!ctx.state.shops.includes(shop)) return oauthError(ctx, `Unknown shop ${shop}`);
      const code = ctx.state.tokens.createCode(shop, parsed.data.scope);
      const query = signedQueryString(
        {
          code,
          host: shopifyHostParam(shop),
          shop,
          state: parsed.data.state,
          timestamp: String(Math.floor(ctx.state.now() / 1000)),
        },
        ctx.state.apiSecret,
      );
      const target = new URL(parsed.data.redirect_uri);
      target.search = target.search ? `${target.search}&${query}` : query;
      redirect(ctx.res, target.toString());
    },
  },
  {
    method: 'POST',
    pattern: /^\/admin\/oauth\/access_token$/,
    async handle(ctx) {
      const raw = await readBody(ctx.req);
      let body: unknown;
      try {
        body =
          mediaType(ctx.req) === 'application/x-www-form-urlencoded'
            ? parseForm(raw)
            : JSON.parse(raw.toString('utf8'));
      } catch {
        return sendJson(ctx.res, 400, {
          error: 'invalid_request',
          error_description: 'Body must be JSON',
        });
      }
      const parsed = accessTokenSchema.safeParse(body);
      if (!parsed.success) {
        return sendJson(ctx.res, 400, {
          error: 'invalid_request',
          error_description: 'Missing or invalid parameters',
        });
      }
      const request = parsed.data;
      if (request.client_id !== ctx.state.apiKey || request.client_secret !== ctx.state.apiSecret) {
        return sendJson(ctx.res, 401, {
          error: 'invalid_client',
          error_description: 'Client credentials are invalid',
        });
      }
      if ('grant_type' in request) {
        const tokens = ctx.state.tokens.refresh(request.refresh_token);
        if (!tokens) {
          return sendJson(ctx.res, 400, {
            error: 'invalid_grant',
            error_description: 'The refresh token is invalid, expired or already used',
          });
        }
        return sendJson(ctx.res, 200, tokenResponse(tokens));
      }
      const grant = ctx.state.tokens.redeemCode(request.code);
      if (!grant) {
        return sendJson(ctx.res, 400, {
          error: 'invalid_request',
          error_description: 'The authorization code was not found or was already used',
        });
      }
      const expiring =
        request.expiring === '1' || request.expiring === 1 || request.expiring === true;
      return sendJson(
        ctx.res,
        200,
        tokenResponse(ctx.state.tokens.issue(grant.shop, grant.scope, expiring)),
      );
    },
  },
  {
    method: 'GET',
    pattern: /^\/admin\/apps\/install$/,
    handle(ctx) {
      const { shop, remember } = currentShop(ctx.state, ctx.req, ctx.url);
      if (!ctx.state.appUrl) return oauthError(ctx, 'The simulator was started without appUrl');
      const query = signedQueryString(
        {
          host: shopifyHostParam(shop),
          shop,
          timestamp: String(Math.floor(ctx.state.now() / 1000)),
        },
        ctx.state.apiSecret,
      );
      const target = new URL(ctx.state.appUrl);
      target.search = target.search ? `${target.search}&${query}` : query;
      // Remembering the shop lets the later /admin/oauth/authorize (same origin) know it.
      redirect(ctx.res, target.toString(), 302, remember);
    },
  },
];

function tokenResponse(tokens: {
  accessToken: string;
  scope: string;
  expiresIn?: number;
  refreshToken?: string;
  refreshTokenExpiresIn?: number;
}): Record<string, unknown> {
  return {
    access_token: tokens.accessToken,
    scope: tokens.scope,
    ...(tokens.expiresIn === undefined
      ? {}
      : {
          expires_in: tokens.expiresIn,
          refresh_token: tokens.refreshToken,
          refresh_token_expires_in: tokens.refreshTokenExpiresIn,
        }),
  };
}
