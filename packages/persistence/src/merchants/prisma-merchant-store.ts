import type { PrismaClient } from '@solpay/db';
import {
  type ConfigureStatus,
  type MerchantStorePort,
  isRecordId,
  merchantProfileOf,
} from '@solpay/domain';
import { enqueueShopifyMutation } from '@solpay/queue';

/** Interactive transaction limits: wait for a pooled connection, then finish. */
const TX_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

/** Configure mutations that still count (queued, sending or delivered): no new one is queued. */
const LIVE_CONFIGURE = new Set(['PENDING', 'IN_FLIGHT', 'SUCCEEDED']);

/**
 * {@link MerchantStorePort} over PostgreSQL with Prisma: OAuth nonces (consumed with one
 * conditional UPDATE), install upserts keyed by shop domain, portal sessions, and onboarding
 * (configured flag and the `paymentsAppConfigure` outbox row in one transaction).
 */
export function createPrismaMerchantStore(prisma: PrismaClient): MerchantStorePort {
  return {
    async saveOAuthState(input) {
      await prisma.oAuthState.create({ data: input });
    },

    async consumeOAuthState({ nonce, shopDomain, now }) {
      const { count } = await prisma.oAuthState.updateMany({
        where: { nonce, shopDomain, consumedAt: null, expiresAt: { gt: now } },
        data: { consumedAt: now },
      });
      return count === 1;
    },

    async saveInstall(record) {
      const tokens = {
        accessTokenEnc: record.accessTokenEnc,
        accessTokenExpiresAt: record.accessTokenExpiresAt,
        refreshTokenEnc: record.refreshTokenEnc,
        refreshTokenExpiresAt: record.refreshTokenExpiresAt,
        scopes: record.scopes,
      };
      return prisma.$transaction(async (tx) => {
        const existing = await tx.merchant.findUnique({
          where: { shopDomain: record.shopDomain },
          select: { installState: true },
        });
        // A sign-in of a shop that is still installed is not a new installation: the install
        // time (which decides whether Shopify must be told `ready` again) stays.
        const reinstalled = existing?.installState !== 'INSTALLED';
        const merchant = await tx.merchant.upsert({
          where: { shopDomain: record.shopDomain },
          create: {
            shopDomain: record.shopDomain,
            ...tokens,
            installState: 'INSTALLED',
            installedAt: record.installedAt,
          },
          // Re-install: new tokens; wallet, configuration and terms stay as they were.
          update: {
            ...tokens,
            installState: 'INSTALLED',
            ...(reinstalled ? { installedAt: record.installedAt } : {}),
            uninstalledAt: null,
          },
          select: { id: true },
        });
        return { merchantId: merchant.id };
      });
    },

    async findMerchant(merchantId) {
      if (!isRecordId(merchantId)) return null;
      const row = await prisma.merchant.findUnique({ where: { id: merchantId } });
      return row ? merchantProfileOf(row) : null;
    },

    createPortalSession(input) {
      return prisma.portalSession.create({
        data: input,
        select: { id: true, merchantId: true, csrfToken: true, expiresAt: true },
      });
    },

    async findActivePortalSession(id, now) {
      if (!isRecordId(id)) return null;
      return prisma.portalSession.findFirst({
        where: { id, revokedAt: null, expiresAt: { gt: now } },
        select: { id: true, merchantId: true, csrfToken: true, expiresAt: true },
      });
    },

    async revokePortalSession(id, now) {
      if (!isRecordId(id)) return;
      await prisma.portalSession.updateMany({
        where: { id, revokedAt: null },
        data: { revokedAt: now },
      });
    },

    async setPayoutWallet({ merchantId, payoutWallet, settlementMint }) {
      await prisma.merchant.update({
        where: { id: merchantId },
        data: { payoutWallet, settlementMint },
      });
    },

    async setSettlementToken({ merchantId, settlementToken, settlementMint }) {
      await prisma.merchant.update({
        where: { id: merchantId },
        data: { settlementToken, settlementMint },
      });
    },

    configure({ merchantId, externalHandle, now }) {
      return prisma.$transaction(async (tx) => {
        // Serialises concurrent "Activate" clicks of one merchant.
        const locked = await tx.$queryRaw<
          Array<{ terms_accepted_at: Date | null; installed_at: Date }>
        >`
          SELECT terms_accepted_at, installed_at FROM merchants WHERE id = ${merchantId}::uuid FOR UPDATE`;
        const merchant = locked[0];
        if (!merchant) return { mutationIds: [] };
        await tx.merchant.update({
          where: { id: merchantId },
          data: { configured: true, termsAcceptedAt: merchant.terms_accepted_at ?? now },
        });
        const previous = await tx.shopifyMutation.findMany({
          where: { merchantId, kind: 'PAYMENTS_APP_CONFIGURE' },
          orderBy: { createdAt: 'desc' },
          select: { status: true, createdAt: true },
        });
        // A configure sent before the latest install belongs to the old install: Shopify forgot it.
        const latest = previous[0];
        if (
          latest &&
          latest.createdAt >= merchant.installed_at &&
          LIVE_CONFIGURE.has(latest.status)
        ) {
          return { mutationIds: [] };
        }
        const mutation = await enqueueShopifyMutation(tx, {
          kind: 'PAYMENTS_APP_CONFIGURE',
          merchantId,
          variables: { externalHandle, ready: true },
          dedupeKey: `PAYMENTS_APP_CONFIGURE:${merchantId}:${previous.length + 1}`,
        });
        return { mutationIds: [mutation.id] };
      }, TX_OPTIONS);
    },

    async latestConfigureStatus(merchantId): Promise<ConfigureStatus | null> {
      const row = await prisma.shopifyMutation.findFirst({
        where: { merchantId, kind: 'PAYMENTS_APP_CONFIGURE' },
        orderBy: { createdAt: 'desc' },
        select: { status: true, lastError: true },
      });
      return row ? { status: row.status, error: row.lastError } : null;
    },
  };
}
