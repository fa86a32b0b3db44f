/** How the simulator answered one recorded GraphQL call. */
export type MutationAnswer =
  'success' | 'user-errors' | 'graphql-error' | 'http-error' | 'throttled' | 'timeout' | 'reset';

/** One Payments Apps GraphQL mutation the simulator received (one per top-level field). */
export interface RecordedMutation {
  /** Shop the access token belongs to; `null` when the token was unknown or expired. */
  shop: string | null;
  /** Top-level field name (e.g. `paymentSessionResolve`); `null` when the document did not parse. */
  mutation: string | null;
  /** The JSON `variables` of the request (empty object when absent). */
  variables: Record<string, unknown>;
  /** Resolved arguments of the field (variables substituted), when the document parsed. */
  args: Record<string, unknown> | null;
  /** API version taken from the request path. */
  apiVersion: string;
  /** The `X-Shopify-Access-Token` header as received (`null` when missing). */
  accessToken: string | null;
  /** What the simulator did with the call. */
  answeredWith: MutationAnswer;
  /** HTTP status sent (0 when the connection was dropped). */
  httpStatus: number;
  /** When the call arrived (ISO-8601). */
  at: string;
}
