-- AlterTable
ALTER TABLE "merchants" ADD COLUMN     "settlement_token" TEXT NOT NULL DEFAULT 'USDC';

-- AlterTable
ALTER TABLE "payment_records" ADD COLUMN     "quote_expires_at" TIMESTAMP(3),
ADD COLUMN     "quote_feeds" JSONB,
ADD COLUMN     "quote_published_at" TIMESTAMP(3),
ADD COLUMN     "quote_rate" DECIMAL(38,18),
ADD COLUMN     "token_program" TEXT NOT NULL DEFAULT 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA',
ADD COLUMN     "token_symbol" TEXT NOT NULL DEFAULT 'USDC';

-- AlterTable
ALTER TABLE "refund_records" ADD COLUMN     "token_program" TEXT,
ADD COLUMN     "token_symbol" TEXT;

