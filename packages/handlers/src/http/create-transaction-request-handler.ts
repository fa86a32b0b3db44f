import {
  admitTransactionRequest,
  describeTransactionRequest,
  serveTransaction,
  type AdmitTransactionRequestDeps,
  type EngineDeps,
} from '@solpay/domain';
import { createHttpHandler, jsonResponse, type HttpLambdaHandler } from '@solpay/lambda';
import { parseTransactionRequestAccount, transactionRequestMetadata } from '@solpay/solana';
import type { Compose } from '../compose';
import { lazyHandler } from '../lazy-handler';

/** What the transaction request route uses. */
export interface TransactionRequestRouteDeps {
  engine: EngineDeps;
  admission: AdmitTransactionRequestDeps;
  /** The icon wallets show: the checkout web app's `/icon.svg`. */
  iconUrl: string;
}

/**
 * Purple `/tx/{kind}/{recordId}`: the Solana Pay transaction request (specs §B.2) for a payment
 * (the buyer pays the merchant) or a refund (the merchant pays the buyer back), served by the
 * same code. `GET` → `{ label, icon }`; `POST { account }` → `{ transaction, message }` (legacy,
 * pre-signed by gas and guard); `OPTIONS` → CORS preflight. Every answer, errors included,
 * allows any origin (browser wallets fetch with `mode: 'cors'`); errors are `{ code, message }`
 * with 400/403/404/409/410/422/429, which wallets show. Rate limits: see
 * `admitTransactionRequest`.
 */
export function createTransactionRequestHandler(
  compose: Compose<TransactionRequestRouteDeps>,
): HttpLambdaHandler {
  return lazyHandler(() =>
    createHttpHandler(
      { name: 'transaction-request', cors: 'any', maxBodyBytes: 4 * 1024 },
      async (request) => {
        const deps = compose();
        const { kind, recordId } = await admitTransactionRequest(deps.admission, {
          sourceIp: request.sourceIp,
          kind: request.pathParams.kind,
          recordId: request.pathParams.recordId ?? '',
        });
        if (request.method === 'GET') {
          const label = await describeTransactionRequest(
            { records: deps.engine.records, iconUrl: deps.iconUrl },
            kind,
            recordId,
          );
          return jsonResponse(200, transactionRequestMetadata(label));
        }
        const account = parseTransactionRequestAccount(request.body);
        const served = await serveTransaction(deps.engine, {
          kind,
          recordId,
          account: account.toBase58(),
        });
        return jsonResponse(200, served);
      },
    ),
  );
}
