import { PublicKey, SystemProgram } from '@solana/web3.js';
import {
  ASSOCIATED_TOKEN_PROGRAM_ID,
  TOKEN_2022_PROGRAM_ID,
  TOKEN_PROGRAM_ID,
} from '@solana/spl-token';
import { encodeBase58 } from '../chain/base58';
import { toUiTokenAmount } from '../chain/token-layout';

const MEMO_PROGRAMS = new Set([
  'MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr',
  'Memo1UhkJRfHyvLMcVucJwxXeuD728EqVDDwQDxFMNo',
]);

/** An instruction in `jsonParsed` shape: parsed for known programs, partially decoded otherwise. */
export type JsonParsedInstruction =
  | { program: string; programId: string; parsed: unknown; stackHeight: number | null }
  | { programId: string; accounts: string[]; data: string; stackHeight: number | null };

function parseSystem(data: Buffer, keys: string[]): { type: string; info: unknown } | null {
  if (data.length < 4) return null;
  const tag = data.readUInt32LE(0);
  if (tag === 0 && data.length >= 52) {
    return {
      type: 'createAccount',
      info: {
        source: keys[0],
        newAccount: keys[1],
        lamports: data.readBigUInt64LE(4),
        space: data.readBigUInt64LE(12),
        owner: new PublicKey(data.subarray(20, 52)).toBase58(),
      },
    };
  }
  if (tag === 1 && data.length >= 36) {
    return {
      type: 'assign',
      info: { account: keys[0], owner: new PublicKey(data.subarray(4, 36)).toBase58() },
    };
  }
  if (tag === 2 && data.length >= 12) {
    return {
      type: 'transfer',
      info: { source: keys[0], destination: keys[1], lamports: data.readBigUInt64LE(4) },
    };
  }
  if (tag === 8 && data.length >= 12) {
    return { type: 'allocate', info: { account: keys[0], space: data.readBigUInt64LE(4) } };
  }
  return null;
}

function parseToken(data: Buffer, keys: string[]): { type: string; info: unknown } | null {
  const tag = data[0];
  if (tag === 3 && data.length >= 9) {
    return {
      type: 'transfer',
      info: {
        source: keys[0],
        destination: keys[1],
        authority: keys[2],
        amount: data.readBigUInt64LE(1).toString(),
      },
    };
  }
  if (tag === 12 && data.length >= 10) {
    return {
      type: 'transferChecked',
      info: {
        source: keys[0],
        mint: keys[1],
        destination: keys[2],
        authority: keys[3],
        tokenAmount: toUiTokenAmount(data.readBigUInt64LE(1), data[9] ?? 0),
      },
    };
  }
  if (tag === 7 && data.length >= 9) {
    return {
      type: 'mintTo',
      info: {
        mint: keys[0],
        account: keys[1],
        mintAuthority: keys[2],
        amount: data.readBigUInt64LE(1).toString(),
      },
    };
  }
  return null;
}

/** Renders one compiled instruction as `jsonParsed` does. */
export function parseInstruction(
  programId: string,
  accounts: string[],
  rawData: Uint8Array,
  stackHeight: number | null,
): JsonParsedInstruction {
  const data = Buffer.from(rawData);
  let program: string | null = null;
  let parsed: unknown = null;
  if (programId === SystemProgram.programId.toBase58()) {
    program = 'system';
    parsed = parseSystem(data, accounts);
  } else if (
    programId === TOKEN_PROGRAM_ID.toBase58() ||
    programId === TOKEN_2022_PROGRAM_ID.toBase58()
  ) {
    program = programId === TOKEN_PROGRAM_ID.toBase58() ? 'spl-token' : 'spl-token-2022';
    parsed = parseToken(data, accounts);
  } else if (MEMO_PROGRAMS.has(programId)) {
    program = 'spl-memo';
    parsed = data.toString('utf8');
  } else if (programId === ASSOCIATED_TOKEN_PROGRAM_ID.toBase58() && (data[0] ?? 0) <= 1) {
    program = 'spl-associated-token-account';
    parsed = {
      type: data[0] === 1 ? 'createIdempotent' : 'create',
      info: {
        source: accounts[0],
        account: accounts[1],
        wallet: accounts[2],
        mint: accounts[3],
        systemProgram: accounts[4],
        tokenProgram: accounts[5],
      },
    };
  }
  if (program !== null && parsed !== null) return { program, programId, parsed, stackHeight };
  return { programId, accounts, data: encodeBase58(rawData), stackHeight };
}
