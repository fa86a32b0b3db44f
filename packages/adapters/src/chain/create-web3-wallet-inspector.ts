import { type Connection, PublicKey } from '@solana/web3.js';
import type { WalletInspectorPort } from '@solpay/domain';

// Addresses, not `PublicKey`s: a module-level `PublicKey` would make every bundle that includes
// this module evaluate web3.js at load (docs/adr/0021).
const TOKEN_PROGRAM = 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA';
const TOKEN_2022_PROGRAM = 'TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb';
const ASSOCIATED_TOKEN_PROGRAM = 'ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL';
/** Size of an SPL Token mint account. */
const MINT_SIZE = 82;

/**
 * {@link WalletInspectorPort} over a web3.js `Connection`: an executable account is a program,
 * an account owned by a token program is a mint or a token account (not a wallet); anything
 * else — including an address with no account yet, or a PDA such as a multisig vault — is a
 * wallet. Then checks whether its associated token account for the mint exists.
 */
export function createWeb3WalletInspector(connection: Connection): WalletInspectorPort {
  return {
    async inspect(wallet, mint, tokenProgram = TOKEN_PROGRAM) {
      const owner = new PublicKey(wallet);
      const info = await connection.getAccountInfo(owner, 'confirmed');
      if (info?.executable) return { kind: 'program', hasTokenAccount: false };
      if (info && [TOKEN_PROGRAM, TOKEN_2022_PROGRAM].includes(info.owner.toBase58())) {
        return {
          kind: info.data.length === MINT_SIZE ? 'mint' : 'token-account',
          hasTokenAccount: false,
        };
      }
      const [ata] = PublicKey.findProgramAddressSync(
        [owner.toBuffer(), new PublicKey(tokenProgram).toBuffer(), new PublicKey(mint).toBuffer()],
        new PublicKey(ASSOCIATED_TOKEN_PROGRAM),
      );
      const ataInfo = await connection.getAccountInfo(ata, 'confirmed');
      return { kind: 'wallet', hasTokenAccount: ataInfo !== null };
    },
  };
}
