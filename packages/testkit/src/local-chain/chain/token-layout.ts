import { PublicKey } from '@solana/web3.js';
import { TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID } from '@solana/spl-token';

/** Size of an SPL token account without extensions. */
export const TOKEN_ACCOUNT_SIZE = 165;
/** Size of an SPL mint without extensions. */
export const MINT_SIZE = 82;
const ACCOUNT_TYPE_OFFSET = 165;
const ACCOUNT_TYPE_MINT = 1;
const ACCOUNT_TYPE_ACCOUNT = 2;

/** Decoded fields of an SPL token account that RPC responses expose. */
export interface TokenAccountFields {
  mint: string;
  owner: string;
  amount: bigint;
  /** 1 = initialized, 2 = frozen. */
  state: number;
  delegate: string | null;
  delegatedAmount: bigint;
  isNative: bigint | null;
  closeAuthority: string | null;
}

/** Decoded fields of an SPL mint. */
export interface MintFields {
  mintAuthority: string | null;
  supply: bigint;
  decimals: number;
  isInitialized: boolean;
  freezeAuthority: string | null;
}

/** Whether `owner` is the SPL Token or Token-2022 program. */
export function isTokenProgram(owner: string): boolean {
  return owner === TOKEN_PROGRAM_ID.toBase58() || owner === TOKEN_2022_PROGRAM_ID.toBase58();
}

function key(data: Uint8Array, offset: number): string {
  return new PublicKey(data.subarray(offset, offset + 32)).toBase58();
}

function optionKey(data: Uint8Array, offset: number): string | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return view.getUint32(offset, true) === 1 ? key(data, offset + 4) : null;
}

/** Decodes SPL token account data owned by `owner`; null if it is not an initialized token account. */
export function decodeTokenAccount(owner: string, data: Uint8Array): TokenAccountFields | null {
  if (!isTokenProgram(owner) || data.length < TOKEN_ACCOUNT_SIZE) return null;
  if (data.length > TOKEN_ACCOUNT_SIZE && data[ACCOUNT_TYPE_OFFSET] !== ACCOUNT_TYPE_ACCOUNT) {
    return null;
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const state = data[108] ?? 0;
  if (state === 0) return null;
  return {
    mint: key(data, 0),
    owner: key(data, 32),
    amount: view.getBigUint64(64, true),
    delegate: optionKey(data, 72),
    state,
    isNative: view.getUint32(109, true) === 1 ? view.getBigUint64(113, true) : null,
    delegatedAmount: view.getBigUint64(121, true),
    closeAuthority: optionKey(data, 129),
  };
}

/** Decodes SPL mint data owned by `owner`; null if it is not a mint. */
export function decodeMint(owner: string, data: Uint8Array): MintFields | null {
  if (!isTokenProgram(owner) || data.length < MINT_SIZE) return null;
  if (data.length === TOKEN_ACCOUNT_SIZE) return null;
  if (data.length > TOKEN_ACCOUNT_SIZE && data[ACCOUNT_TYPE_OFFSET] !== ACCOUNT_TYPE_MINT)
    return null;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return {
    mintAuthority: optionKey(data, 0),
    supply: view.getBigUint64(36, true),
    decimals: data[44] ?? 0,
    isInitialized: data[45] === 1,
    freezeAuthority: optionKey(data, 46),
  };
}

/** The `uiTokenAmount` object RPC nodes return for a base-unit amount. */
export interface UiTokenAmount {
  amount: string;
  decimals: number;
  uiAmount: number | null;
  uiAmountString: string;
}

/** Formats `amount` base units with `decimals` the way agave does (trailing zeros trimmed). */
export function toUiTokenAmount(amount: bigint, decimals: number): UiTokenAmount {
  const digits = amount.toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  const uiAmountString = fraction ? `${whole}.${fraction}` : whole;
  return { amount: amount.toString(), decimals, uiAmount: Number(uiAmountString), uiAmountString };
}
