import * as z from 'zod';

/** Body of `POST /dev/wallet/sign-and-send`. */
export const signAndSendRequestSchema = z.object({
  /** The transaction to sign, base64 (standard alphabet). */
  transaction: z
    .string()
    .min(1)
    .max(4096)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'transaction must be base64'),
});

/** A parsed `POST /dev/wallet/sign-and-send` body. */
export type SignAndSendRequest = z.infer<typeof signAndSendRequestSchema>;
