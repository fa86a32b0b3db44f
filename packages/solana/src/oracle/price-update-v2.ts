import { createHash } from 'node:crypto';
import { PublicKey } from '@solana/web3.js';

/** Anchor discriminator of `PriceUpdateV2`: the first 8 bytes of sha256("account:PriceUpdateV2"). */
export const PRICE_UPDATE_V2_DISCRIMINATOR = createHash('sha256')
  .update('account:PriceUpdateV2')
  .digest()
  .subarray(0, 8);

/** A decoded Pyth `PriceUpdateV2` account. */
export interface PriceUpdateV2 {
  writeAuthority: PublicKey;
  /** `full`, or `partial` with the number of guardian signatures checked. */
  verification: { level: 'full' } | { level: 'partial'; signatures: number };
  /** Feed id, lower-case hex. */
  feedId: string;
  price: bigint;
  conf: bigint;
  exponent: number;
  /** Unix seconds. */
  publishTime: number;
  prevPublishTime: number;
  emaPrice: bigint;
  emaConf: bigint;
  postedSlot: bigint;
}

/**
 * Decodes a `PriceUpdateV2` account (Anchor/Borsh, as Pyth's receiver SDK documents it):
 * discriminator (8), write authority (32), verification level (Borsh enum: `0, u8` Partial or
 * `1` Full), then the price message — feed id (32), price i64, conf u64, exponent i32, publish
 * time i64, previous publish time i64, EMA price i64, EMA conf u64 — then the posted slot u64.
 * Returns null for anything else (wrong discriminator, truncated data).
 */
export function decodePriceUpdateV2(data: Uint8Array): PriceUpdateV2 | null {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (bytes.length < 8 + 32 + 1) return null;
  if (!bytes.subarray(0, 8).equals(PRICE_UPDATE_V2_DISCRIMINATOR)) return null;
  let offset = 8;
  const writeAuthority = new PublicKey(bytes.subarray(offset, offset + 32));
  offset += 32;
  const tag = bytes.readUInt8(offset);
  offset += 1;
  let verification: PriceUpdateV2['verification'];
  if (tag === 0) {
    if (bytes.length < offset + 1) return null;
    verification = { level: 'partial', signatures: bytes.readUInt8(offset) };
    offset += 1;
  } else if (tag === 1) {
    verification = { level: 'full' };
  } else {
    return null;
  }
  if (bytes.length < offset + 32 + 8 + 8 + 4 + 8 + 8 + 8 + 8 + 8) return null;
  const feedId = bytes.subarray(offset, offset + 32).toString('hex');
  offset += 32;
  const price = bytes.readBigInt64LE(offset);
  const conf = bytes.readBigUInt64LE(offset + 8);
  const exponent = bytes.readInt32LE(offset + 16);
  const publishTime = Number(bytes.readBigInt64LE(offset + 20));
  const prevPublishTime = Number(bytes.readBigInt64LE(offset + 28));
  const emaPrice = bytes.readBigInt64LE(offset + 36);
  const emaConf = bytes.readBigUInt64LE(offset + 44);
  const postedSlot = bytes.readBigUInt64LE(offset + 52);
  return {
    writeAuthority,
    verification,
    feedId,
    price,
    conf,
    exponent,
    publishTime,
    prevPublishTime,
    emaPrice,
    emaConf,
    postedSlot,
  };
}

/**
 * Size of a `PriceUpdateV2` account: Anchor allocates the largest enum variant (2 bytes), so a
 * fully verified update leaves one zero byte at the end.
 */
export const PRICE_UPDATE_V2_LEN = 8 + 32 + 2 + 32 + 8 + 8 + 4 + 8 + 8 + 8 + 8 + 8;

/**
 * Encodes a `PriceUpdateV2` (the inverse of {@link decodePriceUpdateV2}) into an account of
 * {@link PRICE_UPDATE_V2_LEN} bytes; the local chain writes its price accounts with it.
 */
export function encodePriceUpdateV2(update: PriceUpdateV2): Buffer {
  const bytes = Buffer.alloc(PRICE_UPDATE_V2_LEN);
  let offset = 0;
  PRICE_UPDATE_V2_DISCRIMINATOR.copy(bytes, offset);
  offset += 8;
  update.writeAuthority.toBuffer().copy(bytes, offset);
  offset += 32;
  if (update.verification.level === 'partial') {
    bytes.writeUInt8(0, offset);
    bytes.writeUInt8(update.verification.signatures, offset + 1);
    offset += 2;
  } else {
    bytes.writeUInt8(1, offset);
    offset += 1;
  }
  Buffer.from(update.feedId.replace(/^0x/, ''), 'hex').copy(bytes, offset);
  offset += 32;
  bytes.writeBigInt64LE(update.price, offset);
  bytes.writeBigUInt64LE(update.conf, offset + 8);
  bytes.writeInt32LE(update.exponent, offset + 16);
  bytes.writeBigInt64LE(BigInt(update.publishTime), offset + 20);
  bytes.writeBigInt64LE(BigInt(update.prevPublishTime), offset + 28);
  bytes.writeBigInt64LE(update.emaPrice, offset + 36);
  bytes.writeBigUInt64LE(update.emaConf, offset + 44);
  bytes.writeBigUInt64LE(update.postedSlot, offset + 52);
  return bytes;
}
