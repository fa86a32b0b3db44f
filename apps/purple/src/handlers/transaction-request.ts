import { transactionRequestRoute } from '@solpay/composition';
import { createTransactionRequestHandler } from '@solpay/handlers';

/** `/tx/{kind}/{recordId}` (purple): the Solana Pay transaction request of a payment or refund. */
export const handler = createTransactionRequestHandler(transactionRequestRoute);
