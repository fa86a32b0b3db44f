import type {
  SolanaSignAndSendTransactionFeature,
  SolanaSignAndSendTransactionInput,
  SolanaSignAndSendTransactionOutput,
} from '@solana/wallet-standard-features';
import type { Wallet, WalletAccount, WalletIcon } from '@wallet-standard/base';
import type {
  StandardConnectFeature,
  StandardDisconnectFeature,
  StandardEventsFeature,
  StandardEventsListeners,
} from '@wallet-standard/features';
import { bytesToBase64, decodeBase58 } from '@solpay/web';

/**
 * Browser side of the local dev wallet: a Wallet Standard wallet whose keys live on the local
 * checkout/portal server (`/dev/wallet*`). Injected by the LOCAL static server only; never part
 * of a production bundle. Approves every request (it is a test wallet).
 */

declare const DEV_WALLET_BASE: string;

const ICON: WalletIcon = `data:image/svg+xml;base64,${btoa(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#0f766e"/><rect x="6" y="10" width="20" height="14" rx="3" fill="none" stroke="#fff" stroke-width="2.2"/><circle cx="21" cy="17" r="1.8" fill="#fff"/><path d="M9 10l10-4 1.5 4" fill="none" stroke="#fff" stroke-width="2" stroke-linejoin="round"/></svg>',
)}`;

interface DevWalletInfo {
  name: string;
  publicKey: string;
  chains: `${string}:${string}`[];
}

function base58Bytes(text: string): Uint8Array {
  const bytes = decodeBase58(text);
  if (!bytes) throw new Error(`Not base58: "${text}"`);
  return bytes;
}

async function jsonOf(response: Response): Promise<Record<string, unknown>> {
  const body: unknown = await response.json().catch(() => ({}));
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  if (!response.ok) {
    throw new Error(
      typeof record.message === 'string' ? record.message : `HTTP ${response.status}`,
    );
  }
  return record;
}

function createWallet(info: DevWalletInfo): Wallet {
  const account: WalletAccount = {
    address: info.publicKey,
    publicKey: base58Bytes(info.publicKey),
    chains: info.chains,
    features: ['solana:signAndSendTransaction'],
    label: info.name,
  };
  let accounts: WalletAccount[] = [];
  const listeners = new Set<StandardEventsListeners['change']>();
  const emit = () => listeners.forEach((listener) => listener({ accounts }));

  const signAndSendOne = async (
    input: SolanaSignAndSendTransactionInput,
  ): Promise<SolanaSignAndSendTransactionOutput> => {
    if (input.account.address !== account.address) throw new Error('Unknown account');
    const response = await fetch(`${DEV_WALLET_BASE}/sign-and-send`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ transaction: bytesToBase64(input.transaction) }),
    });
    const { signature } = await jsonOf(response);
    if (typeof signature !== 'string') throw new Error('The dev wallet returned no signature');
    return { signature: base58Bytes(signature) };
  };

  const features: StandardConnectFeature &
    StandardDisconnectFeature &
    StandardEventsFeature &
    SolanaSignAndSendTransactionFeature = {
    'standard:connect': {
      version: '1.0.0',
      connect: async () => {
        accounts = [account];
        emit();
        return { accounts };
      },
    },
    'standard:disconnect': {
      version: '1.0.0',
      disconnect: async () => {
        accounts = [];
        emit();
      },
    },
    'standard:events': {
      version: '1.0.0',
      on: (_event, listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    'solana:signAndSendTransaction': {
      version: '1.0.0',
      supportedTransactionVersions: ['legacy'],
      signAndSendTransaction: async (...inputs) => {
        const outputs: SolanaSignAndSendTransactionOutput[] = [];
        for (const input of inputs) outputs.push(await signAndSendOne(input));
        return outputs;
      },
    },
  };

  return {
    version: '1.0.0',
    name: info.name,
    icon: ICON,
    chains: info.chains,
    features,
    get accounts() {
      return accounts;
    },
  };
}

/** Registers `wallet` with the page using the Wallet Standard window-event handshake. */
function registerWallet(wallet: Wallet): void {
  const callback = ({ register }: { register: (...wallets: Wallet[]) => unknown }) =>
    register(wallet);
  window.dispatchEvent(new CustomEvent('wallet-standard:register-wallet', { detail: callback }));
  window.addEventListener('wallet-standard:app-ready', (event) =>
    callback((event as CustomEvent<{ register: (...wallets: Wallet[]) => unknown }>).detail),
  );
}

void fetch(DEV_WALLET_BASE, { headers: { Accept: 'application/json' } })
  .then(jsonOf)
  .then((info) => registerWallet(createWallet(info as unknown as DevWalletInfo)))
  .catch((error: unknown) => console.warn('Local test wallet unavailable:', error));
