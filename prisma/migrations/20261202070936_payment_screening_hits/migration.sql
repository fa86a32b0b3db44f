-- AlterTable
ALTER TABLE "payment_records" ADD COLUMN     "last_screening_hit_at" TIMESTAMP(3),
ADD COLUMN     "screening_hits" INTEGER NOT NULL DEFAULT 0;

