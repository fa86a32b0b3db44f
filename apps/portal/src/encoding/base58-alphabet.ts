/** The base58 alphabet Solana uses for keys and signatures (Bitcoin's). */
export const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
