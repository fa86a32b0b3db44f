import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  BlockhashWithExpiryBlockHeight,
  Connection,
  Keypair,
  PublicKey,
} from '@solana/web3.js';
import {
  BusinessRuleViolationError,
  formatTokenAmount,
  InvalidInputError,
  MalformedRequestError,
  UnknownRecordError,
} from '@solpay/domain';
import { parseTransactionRequestAccount } from '../transaction-request/parse-transaction-request-account';
import { TRANSACTION_REQUEST_CORS_HEADERS } from '../transaction-request/transaction-request-cors-headers';
import { transactionRequestErrorBody } from '../transaction-request/transaction-request-error-body';
import { transactionRequestMetadata } from '../transaction-request/transaction-request-metadata';
import {
  buildTransferTransaction,
  type BuiltTransferTransaction,
} from '../transfer/build-transfer-transaction';
import { preflightTransfer } from '../transfer/preflight-transfer';

/** One payable record as the test server sees it. */
export interface TestRecord {
  guard: Keypair;
  reference: PublicKey;
  amount: bigint;
  recipientOwner: PublicKey;
  memo?: string;
  /** Every transaction served for the record, in order. */
  served: BuiltTransferTransaction[];
}

/** Settings of {@link startTransactionRequestServer}. */
export interface TransactionRequestServerOptions {
  connection: Connection;
  gas: Keypair;
  mint: PublicKey;
  decimals: number;
  /** Records by id; served at `/tx/<id>`. */
  records: Map<string, TestRecord>;
  /** Skip the balance check and simulation (to serve transactions that will fail on chain). */
  skipPreflight?: boolean;
  /** A fixed blockhash for every serve (optional). */
  blockhash?: () => Promise<BlockhashWithExpiryBlockHeight> | BlockhashWithExpiryBlockHeight;
}

/** A running test server. */
export interface TransactionRequestServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

/**
 * A minimal transaction-request endpoint on `node:http` built only from this package's
 * contract pieces (GET metadata, POST account → partially signed transaction, CORS, error
 * bodies). Test support only; the real routes live in the purple app.
 */
export async function startTransactionRequestServer(
  options: TransactionRequestServerOptions,
): Promise<TransactionRequestServer> {
  const server: Server = createServer((request, response) => {
    handle(request, options)
      .then(({ status, body }) => {
        response.writeHead(status, {
          ...TRANSACTION_REQUEST_CORS_HEADERS,
          'Content-Type': 'application/json',
        });
        response.end(body === undefined ? undefined : JSON.stringify(body));
      })
      .catch((error: unknown) => {
        const status = statusOf(error);
        response.writeHead(status, {
          ...TRANSACTION_REQUEST_CORS_HEADERS,
          'Content-Type': 'application/json',
        });
        response.end(JSON.stringify(transactionRequestErrorBody(error, status < 500)));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
}

/**
 * The statuses the purple route gives the errors this server throws (`packages/lambda`'s error
 * table, which this package may not import); anything else is a 500.
 */
function statusOf(error: unknown): number {
  if (error instanceof UnknownRecordError) return 404;
  if (error instanceof MalformedRequestError || error instanceof InvalidInputError) return 400;
  if (error instanceof BusinessRuleViolationError) return 422;
  return 500;
}

async function handle(
  request: IncomingMessage,
  {
    connection,
    gas,
    mint,
    decimals,
    records,
    skipPreflight,
    blockhash,
  }: TransactionRequestServerOptions,
): Promise<{ status: number; body?: unknown }> {
  if (request.method === 'OPTIONS') return { status: 204 };
  const id = /^\/tx\/([^/?]+)/.exec(request.url ?? '')?.[1];
  const record = id === undefined ? undefined : records.get(id);
  if (!record) throw new UnknownRecordError('Unknown payment');
  if (request.method === 'GET') {
    return {
      status: 200,
      body: transactionRequestMetadata({
        label: 'Acme Store',
        iconUrl: 'https://acme.example/icon.svg',
      }),
    };
  }
  if (request.method !== 'POST') throw new MalformedRequestError('Method not allowed');

  let body: unknown;
  try {
    body = JSON.parse(await readBody(request));
  } catch {
    throw new MalformedRequestError('Body must be JSON');
  }
  const account = parseTransactionRequestAccount(body);
  const built = await buildTransferTransaction({
    connection,
    gas,
    guard: record.guard,
    payer: account,
    recipientOwner: record.recipientOwner,
    mint,
    decimals,
    amount: record.amount,
    reference: record.reference,
    createRecipientAta: true,
    ...(record.memo === undefined ? {} : { memo: record.memo }),
    ...(blockhash ? { blockhash: await blockhash() } : {}),
  });
  if (!skipPreflight) {
    const preflight = await preflightTransfer(connection, {
      payer: account,
      mint,
      decimals,
      amount: record.amount,
      transaction: built.transaction,
    });
    if (!preflight.ok) throw new BusinessRuleViolationError(preflight.message);
  }
  record.served.push(built);
  return {
    status: 200,
    body: {
      transaction: built.base64,
      message: `Acme Store — ${formatTokenAmount(record.amount, decimals)} USDC`,
    },
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
