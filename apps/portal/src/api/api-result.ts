/** Why an API call failed, for the page to branch on. */
export type ApiFailureReason =
  /** 401: no (valid) portal session — show "Sign in from your Shopify admin". */
  | 'signed-out'
  /** 404: unknown id, or another merchant's. */
  | 'not-found'
  /** Another 4xx: the server refused the input; `message` says why. */
  | 'refused'
  /** Network error, 5xx or an unreadable answer. */
  | 'unavailable';

/** The outcome of one portal API call. */
export type ApiResult<T> =
  | { ok: true; data: T }
  | { ok: false; reason: ApiFailureReason; status: number; code?: string; message: string };

/** The failing branch of {@link ApiResult}. */
export type ApiFailure = Extract<ApiResult<unknown>, { ok: false }>;
