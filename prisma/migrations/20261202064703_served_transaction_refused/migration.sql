-- AlterEnum
ALTER TYPE "ServedTransactionStatus" ADD VALUE 'REFUSED';

