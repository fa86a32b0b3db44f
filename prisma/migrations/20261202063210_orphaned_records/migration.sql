-- AlterTable
ALTER TABLE "payment_records" ADD COLUMN     "orphaned_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "refund_records" ADD COLUMN     "orphaned_at" TIMESTAMP(3);

