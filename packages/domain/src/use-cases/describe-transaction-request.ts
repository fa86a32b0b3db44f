import { UnknownRecordError } from '../errors';
import type { RecordKind } from '../records/payable-record';
import type { RecordStorePort } from '../ports/record-store-port';
import { assertShopInstalled } from './serve-transaction';

/** What a wallet shows before the buyer signs (the `GET` of a transaction request). */
export interface TransactionRequestLabel {
  label: string;
  iconUrl: string;
}

/**
 * The label and icon of a transaction request: the merchant and the token it settles in
 * (`Demo Shop (USDC)`), and the checkout web app's icon. 404 for an unknown record, 410 once its
 * shop uninstalled the app.
 */
export async function describeTransactionRequest(
  deps: { records: Pick<RecordStorePort, 'findRecord'>; iconUrl: string },
  kind: RecordKind,
  recordId: string,
): Promise<TransactionRequestLabel> {
  const record = await deps.records.findRecord(kind, recordId);
  if (!record) throw new UnknownRecordError(`Unknown ${kind}`);
  assertShopInstalled(record);
  return { label: `${record.label} (${record.tokenSymbol})`, iconUrl: deps.iconUrl };
}
