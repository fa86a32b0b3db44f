import { createTransactionRequestHandler, transactionRequestRoute } from '@solpay/services';

/** `/tx/{kind}/{recordId}` (purple): the Solana Pay transaction request of a payment or refund. */
export const handler = createTransactionRequestHandler(transactionRequestRoute);
