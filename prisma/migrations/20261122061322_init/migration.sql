-- CreateEnum
CREATE TYPE "InstallState" AS ENUM ('INSTALLED', 'UNINSTALLED', 'REDACTED');

-- CreateEnum
CREATE TYPE "PaymentKind" AS ENUM ('SALE', 'AUTHORIZATION');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('OPEN', 'PAID', 'REJECTING', 'REJECTED');

-- CreateEnum
CREATE TYPE "RefundStatus" AS ENUM ('OPEN', 'PAID', 'REJECTING', 'REJECTED');

-- CreateEnum
CREATE TYPE "RecordKind" AS ENUM ('PAYMENT', 'REFUND');

-- CreateEnum
CREATE TYPE "GuardStatus" AS ENUM ('ACTIVE', 'CONSUMED', 'BURNED', 'ABANDONED', 'SWEPT');

-- CreateEnum
CREATE TYPE "ServedTransactionStatus" AS ENUM ('SERVED', 'LANDED', 'FAILED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "ShopifyMutationKind" AS ENUM ('PAYMENT_SESSION_RESOLVE', 'PAYMENT_SESSION_REJECT', 'REFUND_SESSION_RESOLVE', 'REFUND_SESSION_REJECT', 'PAYMENTS_APP_CONFIGURE');

-- CreateEnum
CREATE TYPE "ShopifyMutationStatus" AS ENUM ('PENDING', 'IN_FLIGHT', 'SUCCEEDED', 'FAILED', 'EXHAUSTED');

-- CreateEnum
CREATE TYPE "InboundEventSource" AS ENUM ('SHOPIFY_WEBHOOK', 'HELIUS_WEBHOOK');

-- CreateEnum
CREATE TYPE "GdprTopic" AS ENUM ('CUSTOMERS_DATA_REQUEST', 'CUSTOMERS_REDACT', 'SHOP_REDACT');

-- CreateEnum
CREATE TYPE "GdprRequestStatus" AS ENUM ('RECEIVED', 'COMPLETED');

-- CreateTable
CREATE TABLE "merchants" (
    "id" UUID NOT NULL,
    "shop_domain" TEXT NOT NULL,
    "display_name" TEXT,
    "access_token_enc" TEXT,
    "access_token_expires_at" TIMESTAMP(3),
    "refresh_token_enc" TEXT,
    "refresh_token_expires_at" TIMESTAMP(3),
    "scopes" TEXT NOT NULL DEFAULT '',
    "payout_wallet" TEXT,
    "settlement_mint" TEXT,
    "install_state" "InstallState" NOT NULL DEFAULT 'INSTALLED',
    "configured" BOOLEAN NOT NULL DEFAULT false,
    "terms_accepted_at" TIMESTAMP(3),
    "api_version" TEXT,
    "installed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalled_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "merchants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_records" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "shopify_id" TEXT NOT NULL,
    "gid" TEXT NOT NULL,
    "group" TEXT NOT NULL,
    "session_id" TEXT,
    "kind" "PaymentKind" NOT NULL DEFAULT 'SALE',
    "amount" DECIMAL(24,6) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "token_amount" BIGINT NOT NULL,
    "token_mint" TEXT NOT NULL,
    "token_decimals" INTEGER NOT NULL,
    "recipient_wallet" TEXT NOT NULL,
    "reference_key" TEXT NOT NULL,
    "test" BOOLEAN NOT NULL,
    "cancel_url" TEXT NOT NULL,
    "merchant_locale" TEXT,
    "proposed_at" TIMESTAMP(3),
    "api_version" TEXT NOT NULL,
    "status" "PaymentStatus" NOT NULL DEFAULT 'OPEN',
    "reject_code" TEXT,
    "reject_reason" TEXT,
    "customer_email" TEXT,
    "customer_phone" TEXT,
    "customer_data" JSONB,
    "buyer_wallet" TEXT,
    "signature" TEXT,
    "slot" BIGINT,
    "block_time" TIMESTAMP(3),
    "paid_at" TIMESTAMP(3),
    "redirect_url" TEXT,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "payment_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "refund_records" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "shopify_id" TEXT NOT NULL,
    "gid" TEXT NOT NULL,
    "shopify_payment_id" TEXT NOT NULL,
    "payment_id" UUID,
    "amount" DECIMAL(24,6) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "token_amount" BIGINT NOT NULL,
    "token_mint" TEXT,
    "token_decimals" INTEGER,
    "recipient_wallet" TEXT,
    "reference_key" TEXT NOT NULL,
    "test" BOOLEAN NOT NULL,
    "merchant_locale" TEXT,
    "proposed_at" TIMESTAMP(3),
    "api_version" TEXT NOT NULL,
    "status" "RefundStatus" NOT NULL DEFAULT 'OPEN',
    "reject_code" TEXT,
    "reject_reason" TEXT,
    "signature" TEXT,
    "slot" BIGINT,
    "block_time" TIMESTAMP(3),
    "paid_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "refund_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "single_use_guards" (
    "id" UUID NOT NULL,
    "pubkey" TEXT NOT NULL,
    "record_kind" "RecordKind" NOT NULL,
    "payment_id" UUID,
    "refund_id" UUID,
    "generation" INTEGER NOT NULL,
    "status" "GuardStatus" NOT NULL DEFAULT 'ACTIVE',
    "last_valid_block_height" BIGINT NOT NULL DEFAULT 0,
    "consumed_signature" TEXT,
    "swept_signature" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "single_use_guards_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "served_transactions" (
    "id" UUID NOT NULL,
    "signature" TEXT NOT NULL,
    "record_kind" "RecordKind" NOT NULL,
    "payment_id" UUID,
    "refund_id" UUID,
    "guard_id" UUID NOT NULL,
    "guard_pubkey" TEXT NOT NULL,
    "guard_generation" INTEGER NOT NULL,
    "account" TEXT NOT NULL,
    "last_valid_block_height" BIGINT NOT NULL,
    "status" "ServedTransactionStatus" NOT NULL DEFAULT 'SERVED',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "checked_at" TIMESTAMP(3),

    CONSTRAINT "served_transactions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shopify_mutations" (
    "id" UUID NOT NULL,
    "kind" "ShopifyMutationKind" NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "merchant_id" UUID NOT NULL,
    "payment_id" UUID,
    "refund_id" UUID,
    "payload" JSONB NOT NULL,
    "status" "ShopifyMutationStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMP(3),
    "last_error" TEXT,
    "result" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "completed_at" TIMESTAMP(3),

    CONSTRAINT "shopify_mutations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inbound_events" (
    "id" UUID NOT NULL,
    "source" "InboundEventSource" NOT NULL,
    "external_id" TEXT NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbound_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "gdpr_requests" (
    "id" UUID NOT NULL,
    "topic" "GdprTopic" NOT NULL,
    "shop_domain" TEXT NOT NULL,
    "webhook_id" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "GdprRequestStatus" NOT NULL DEFAULT 'RECEIVED',
    "result" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMP(3),

    CONSTRAINT "gdpr_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "oauth_states" (
    "id" UUID NOT NULL,
    "nonce" TEXT NOT NULL,
    "shop_domain" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "consumed_at" TIMESTAMP(3),

    CONSTRAINT "oauth_states_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "portal_sessions" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "csrf_token" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "portal_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "merchants_shop_domain_key" ON "merchants"("shop_domain");

-- CreateIndex
CREATE UNIQUE INDEX "payment_records_reference_key_key" ON "payment_records"("reference_key");

-- CreateIndex
CREATE UNIQUE INDEX "payment_records_signature_key" ON "payment_records"("signature");

-- CreateIndex
CREATE INDEX "payment_records_merchant_id_status_created_at_idx" ON "payment_records"("merchant_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "payment_records_status_expires_at_idx" ON "payment_records"("status", "expires_at");

-- CreateIndex
CREATE INDEX "payment_records_group_idx" ON "payment_records"("group");

-- CreateIndex
CREATE UNIQUE INDEX "payment_records_merchant_id_shopify_id_key" ON "payment_records"("merchant_id", "shopify_id");

-- CreateIndex
CREATE UNIQUE INDEX "refund_records_reference_key_key" ON "refund_records"("reference_key");

-- CreateIndex
CREATE UNIQUE INDEX "refund_records_signature_key" ON "refund_records"("signature");

-- CreateIndex
CREATE INDEX "refund_records_merchant_id_status_created_at_idx" ON "refund_records"("merchant_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "refund_records_payment_id_idx" ON "refund_records"("payment_id");

-- CreateIndex
CREATE UNIQUE INDEX "refund_records_merchant_id_shopify_id_key" ON "refund_records"("merchant_id", "shopify_id");

-- CreateIndex
CREATE UNIQUE INDEX "single_use_guards_pubkey_key" ON "single_use_guards"("pubkey");

-- CreateIndex
CREATE INDEX "single_use_guards_status_idx" ON "single_use_guards"("status");

-- CreateIndex
CREATE UNIQUE INDEX "single_use_guards_record_kind_payment_id_refund_id_generati_key" ON "single_use_guards"("record_kind", "payment_id", "refund_id", "generation");

-- CreateIndex
CREATE UNIQUE INDEX "served_transactions_signature_key" ON "served_transactions"("signature");

-- CreateIndex
CREATE INDEX "served_transactions_status_last_valid_block_height_idx" ON "served_transactions"("status", "last_valid_block_height");

-- CreateIndex
CREATE INDEX "served_transactions_payment_id_idx" ON "served_transactions"("payment_id");

-- CreateIndex
CREATE INDEX "served_transactions_refund_id_idx" ON "served_transactions"("refund_id");

-- CreateIndex
CREATE UNIQUE INDEX "shopify_mutations_dedupe_key_key" ON "shopify_mutations"("dedupe_key");

-- CreateIndex
CREATE INDEX "shopify_mutations_status_next_attempt_at_idx" ON "shopify_mutations"("status", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "inbound_events_source_external_id_key" ON "inbound_events"("source", "external_id");

-- CreateIndex
CREATE UNIQUE INDEX "gdpr_requests_webhook_id_key" ON "gdpr_requests"("webhook_id");

-- CreateIndex
CREATE INDEX "gdpr_requests_shop_domain_idx" ON "gdpr_requests"("shop_domain");

-- CreateIndex
CREATE UNIQUE INDEX "oauth_states_nonce_key" ON "oauth_states"("nonce");

-- CreateIndex
CREATE INDEX "portal_sessions_merchant_id_idx" ON "portal_sessions"("merchant_id");

-- AddForeignKey
ALTER TABLE "payment_records" ADD CONSTRAINT "payment_records_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refund_records" ADD CONSTRAINT "refund_records_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refund_records" ADD CONSTRAINT "refund_records_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payment_records"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "single_use_guards" ADD CONSTRAINT "single_use_guards_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payment_records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "single_use_guards" ADD CONSTRAINT "single_use_guards_refund_id_fkey" FOREIGN KEY ("refund_id") REFERENCES "refund_records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "served_transactions" ADD CONSTRAINT "served_transactions_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payment_records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "served_transactions" ADD CONSTRAINT "served_transactions_refund_id_fkey" FOREIGN KEY ("refund_id") REFERENCES "refund_records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "served_transactions" ADD CONSTRAINT "served_transactions_guard_id_fkey" FOREIGN KEY ("guard_id") REFERENCES "single_use_guards"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shopify_mutations" ADD CONSTRAINT "shopify_mutations_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shopify_mutations" ADD CONSTRAINT "shopify_mutations_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payment_records"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "shopify_mutations" ADD CONSTRAINT "shopify_mutations_refund_id_fkey" FOREIGN KEY ("refund_id") REFERENCES "refund_records"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "portal_sessions" ADD CONSTRAINT "portal_sessions_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
