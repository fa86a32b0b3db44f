import type {
  ConfigureStatus,
  InstallRecord,
  MerchantProfile,
  MerchantStorePort,
  PortalSessionRecord,
} from '../merchants/merchant-store-port';
import { merchantProfileOf } from '../merchants/merchant-profile-of';
import { InMemoryDatabase, type MerchantRow, type PortalSessionRow } from './in-memory-database';

/** Configure mutations that still count (queued, sending or delivered): no new one is queued. */
const LIVE_CONFIGURE = new Set(['PENDING', 'IN_FLIGHT', 'SUCCEEDED']);

function toSession(row: PortalSessionRow): PortalSessionRecord {
  return {
    id: row.id,
    merchantId: row.merchantId,
    csrfToken: row.csrfToken,
    expiresAt: row.expiresAt,
  };
}

/**
 * {@link MerchantStorePort} over an {@link InMemoryDatabase}, with the Prisma adapter's contract:
 * a nonce is consumed at most once (conditional update); an install of a shop that is not
 * installed (new, or uninstalled) sets `installedAt`, a sign-in of an installed one keeps it;
 * `configure` queues `paymentsAppConfigure` unless a live one was queued since the latest
 * install.
 */
export class InMemoryMerchantStore implements MerchantStorePort {
  constructor(private readonly db: InMemoryDatabase) {}

  async saveOAuthState(input: { nonce: string; shopDomain: string; expiresAt: Date }) {
    if (this.db.oauthStates.has(input.nonce)) throw new Error('Unique constraint: nonce');
    this.db.oauthStates.set(input.nonce, { ...input, consumedAt: null });
  }

  async consumeOAuthState({
    nonce,
    shopDomain,
    now,
  }: {
    nonce: string;
    shopDomain: string;
    now: Date;
  }) {
    const row = this.db.oauthStates.get(nonce);
    if (
      !row ||
      row.shopDomain !== shopDomain ||
      row.consumedAt !== null ||
      row.expiresAt.getTime() <= now.getTime()
    ) {
      return false;
    }
    row.consumedAt = now;
    return true;
  }

  async saveInstall(record: InstallRecord): Promise<{ merchantId: string }> {
    const tokens = {
      accessTokenEnc: record.accessTokenEnc,
      accessTokenExpiresAt: record.accessTokenExpiresAt,
      refreshTokenEnc: record.refreshTokenEnc,
      refreshTokenExpiresAt: record.refreshTokenExpiresAt,
      scopes: record.scopes,
    };
    const existing = this.db.merchantByShop(record.shopDomain);
    if (!existing) {
      const row = this.db.addMerchant({
        shopDomain: record.shopDomain,
        ...tokens,
        installState: 'INSTALLED',
        installedAt: record.installedAt,
      });
      return { merchantId: row.id };
    }
    // A sign-in of a shop that is still installed is not a new installation.
    const reinstalled = existing.installState !== 'INSTALLED';
    Object.assign(existing, tokens, {
      installState: 'INSTALLED',
      uninstalledAt: null,
      ...(reinstalled ? { installedAt: record.installedAt } : {}),
    });
    return { merchantId: existing.id };
  }

  async findMerchant(merchantId: string): Promise<MerchantProfile | null> {
    if (!InMemoryDatabase.isId(merchantId)) return null;
    const row = this.db.merchants.get(merchantId);
    return row ? merchantProfileOf(row) : null;
  }

  async createPortalSession(input: {
    merchantId: string;
    csrfToken: string;
    expiresAt: Date;
  }): Promise<PortalSessionRecord> {
    const row: PortalSessionRow = { id: this.db.newId(), ...input, revokedAt: null };
    this.db.portalSessions.set(row.id, row);
    return toSession(row);
  }

  async findActivePortalSession(id: string, now: Date): Promise<PortalSessionRecord | null> {
    const row = this.db.portalSessions.get(id);
    if (!row || row.revokedAt !== null || row.expiresAt.getTime() <= now.getTime()) return null;
    return toSession(row);
  }

  async revokePortalSession(id: string, now: Date): Promise<void> {
    const row = this.db.portalSessions.get(id);
    if (row && row.revokedAt === null) row.revokedAt = now;
  }

  async setPayoutWallet(input: {
    merchantId: string;
    payoutWallet: string;
    settlementMint: string;
  }): Promise<void> {
    const row = this.merchant(input.merchantId);
    row.payoutWallet = input.payoutWallet;
    row.settlementMint = input.settlementMint;
  }

  async setSettlementToken(input: {
    merchantId: string;
    settlementToken: string;
    settlementMint: string;
  }): Promise<void> {
    const row = this.merchant(input.merchantId);
    row.settlementToken = input.settlementToken;
    row.settlementMint = input.settlementMint;
  }

  async configure(input: {
    merchantId: string;
    externalHandle: string;
    now: Date;
  }): Promise<{ mutationIds: string[] }> {
    const row = this.db.merchants.get(input.merchantId);
    if (!row) return { mutationIds: [] };
    row.configured = true;
    row.termsAcceptedAt = row.termsAcceptedAt ?? input.now;
    const previous = this.db
      .mutationsFor({ kind: 'PAYMENTS_APP_CONFIGURE' })
      .filter((mutation) => mutation.merchantId === row.id)
      .reverse();
    const latest = previous[0];
    // A configure sent before the latest install belongs to the old install: Shopify forgot it.
    if (
      latest &&
      latest.createdAt.getTime() >= row.installedAt.getTime() &&
      LIVE_CONFIGURE.has(latest.status)
    ) {
      return { mutationIds: [] };
    }
    const mutation = this.db.enqueueMutation({
      kind: 'PAYMENTS_APP_CONFIGURE',
      merchantId: row.id,
      variables: { externalHandle: input.externalHandle, ready: true },
      dedupeKey: `PAYMENTS_APP_CONFIGURE:${row.id}:${previous.length + 1}`,
    });
    return { mutationIds: [mutation.id] };
  }

  async latestConfigureStatus(merchantId: string): Promise<ConfigureStatus | null> {
    const latest = this.db
      .mutationsFor({ kind: 'PAYMENTS_APP_CONFIGURE' })
      .filter((mutation) => mutation.merchantId === merchantId)
      .at(-1);
    return latest ? { status: latest.status, error: latest.lastError } : null;
  }

  private merchant(id: string): MerchantRow {
    const row = this.db.merchants.get(id);
    if (!row) throw new Error(`Record to update not found: merchant ${id}`);
    return row;
  }
}
