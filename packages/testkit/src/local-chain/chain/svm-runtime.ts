import { Clock, FailedTransactionMetadata, LiteSVM, type TransactionMetadata } from 'litesvm';
import { address, getTransactionDecoder, lamports } from '@solana/kit';
import { encodeBase58 } from './base58';
import { toRpcTransactionError, type RpcTransactionError } from './transaction-error';

/** An account as stored in the SVM. */
export interface AccountState {
  address: string;
  lamports: bigint;
  data: Uint8Array;
  owner: string;
  executable: boolean;
}

/** One inner (CPI) instruction group in RPC shape (`data` base58). */
export interface RpcInnerInstructions {
  index: number;
  instructions: { programIdIndex: number; accounts: number[]; data: string; stackHeight: number }[];
}

/** What the SVM reported for one executed or simulated transaction. */
export interface ExecutionReport {
  err: RpcTransactionError | null;
  logs: string[];
  innerInstructions: RpcInnerInstructions[];
  unitsConsumed: bigint;
  returnData: { programId: string; data: Uint8Array } | null;
  /** Fee litesvm computed for the transaction (charged only if it landed). */
  fee: bigint | null;
}

/** An {@link ExecutionReport} from a simulation, with the accounts as they would be afterwards. */
export interface SimulationReport extends ExecutionReport {
  postAccounts: AccountState[];
}

const decodeWire = getTransactionDecoder();

function feeOf(meta: TransactionMetadata): bigint | null {
  // litesvm 1.5 exposes the fee only through its Debug text ("..., fee: 5000 }").
  const match = /fee: (\d+) \}\)?\s*$/.exec(meta.toString());
  return match?.[1] ? BigInt(match[1]) : null;
}

function report(meta: TransactionMetadata, err: RpcTransactionError | null): ExecutionReport {
  const returned = meta.returnData();
  const returnBytes = returned.data();
  return {
    err,
    logs: meta.logs(),
    innerInstructions: meta
      .innerInstructions()
      .map((group, index) => ({
        index,
        instructions: group.map((inner) => {
          const ix = inner.instruction();
          return {
            programIdIndex: ix.programIdIndex(),
            accounts: Array.from(ix.accounts()),
            data: encodeBase58(ix.data()),
            stackHeight: inner.stackHeight(),
          };
        }),
      }))
      .filter((group) => group.instructions.length > 0),
    unitsConsumed: meta.computeUnitsConsumed(),
    returnData:
      returnBytes.length > 0
        ? { programId: encodeBase58(returned.programId()), data: returnBytes }
        : null,
    fee: feeOf(meta),
  };
}

/**
 * The LiteSVM instance behind the local chain. Signature and blockhash checks are switched
 * off inside LiteSVM because the chain does them itself (LiteSVM only knows one blockhash);
 * its own history is off because the chain keeps the ledger.
 */
export class SvmRuntime {
  private readonly svm: LiteSVM;
  /** Accounts overwritten by {@link setAccount} since {@link takeDirectWrites} last ran. */
  private readonly directWrites = new Set<string>();

  constructor() {
    this.svm = new LiteSVM()
      .withSigverify(false)
      .withBlockhashCheck(false)
      .withTransactionHistory(0n);
  }

  /** The account at `key`, or null if it does not exist. */
  getAccount(key: string): AccountState | null {
    const account = this.svm.getAccount(address(key));
    if (!account.exists) return null;
    return {
      address: key,
      lamports: BigInt(account.lamports),
      data: account.data,
      owner: account.programAddress,
      executable: account.executable,
    };
  }

  /** Lamports held by `key` (0 if the account does not exist). */
  lamportsOf(key: string): bigint {
    return BigInt(this.svm.getBalance(address(key)) ?? 0n);
  }

  /** Overwrites an account directly (setup only). */
  setAccount(account: AccountState): void {
    this.directWrites.add(account.address);
    this.svm.setAccount({
      address: address(account.address),
      lamports: lamports(account.lamports),
      data: account.data,
      programAddress: address(account.owner),
      executable: account.executable,
      space: BigInt(account.data.length),
    });
  }

  /**
   * Addresses {@link setAccount} wrote since the last call (the only changes that bypass a
   * transaction, whose keys the ledger records), and starts a new list.
   */
  takeDirectWrites(): string[] {
    const written = [...this.directWrites];
    this.directWrites.clear();
    return written;
  }

  /** All accounts owned by `programId`. */
  programAccounts(programId: string): AccountState[] {
    return this.svm.getProgramAccounts(address(programId)).map((account) => ({
      address: account.address,
      lamports: BigInt(account.lamports),
      data: new Uint8Array(account.data),
      owner: account.programAddress,
      executable: account.executable,
    }));
  }

  /** Rent-exempt minimum for `dataLength` bytes. */
  minimumBalance(dataLength: bigint): bigint {
    return this.svm.minimumBalanceForRentExemption(dataLength);
  }

  /** Moves the Clock sysvar to `slot` / `unixTimestamp`. */
  setClock(slot: number, unixTimestamp: number, epoch: number): void {
    this.svm.setClock(
      new Clock(BigInt(slot), 0n, BigInt(epoch), BigInt(epoch), BigInt(unixTimestamp)),
    );
  }

  /** Executes wire bytes and commits the result (including a fee-only failure). */
  execute(bytes: Uint8Array): ExecutionReport {
    const result = this.svm.sendTransaction(decodeWire.decode(bytes));
    if (result instanceof FailedTransactionMetadata) {
      return report(result.meta(), toRpcTransactionError(result.err()));
    }
    return report(result, null);
  }

  /** Simulates wire bytes without committing anything. */
  simulate(bytes: Uint8Array): SimulationReport {
    const result = this.svm.simulateTransaction(decodeWire.decode(bytes));
    if (result instanceof FailedTransactionMetadata) {
      return { ...report(result.meta(), toRpcTransactionError(result.err())), postAccounts: [] };
    }
    return {
      ...report(result.meta(), null),
      postAccounts: result.postAccounts().map((account) => ({
        address: account.address,
        lamports: BigInt(account.lamports),
        data: new Uint8Array(account.data),
        owner: account.programAddress,
        executable: account.executable,
      })),
    };
  }
}
