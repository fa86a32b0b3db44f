/**
 * Names, paths and lifetimes of the two cookies purple sets. Both are `HttpOnly; Secure;
 * SameSite=Lax`: the portal (another port/subdomain of the same site) calls purple with
 * `credentials: 'include'`, which Lax allows for same-site requests, and the OAuth callback is
 * a top-level GET navigation, which Lax allows cross-site.
 */
export const MERCHANT_COOKIES = {
  oauthState: { name: 'oauth_state', path: '/auth', maxAgeSeconds: 10 * 60, sameSite: 'Lax' },
  portalSession: {
    name: 'portal_session',
    path: '/portal',
    maxAgeSeconds: 12 * 60 * 60,
    sameSite: 'Lax',
  },
} as const;
