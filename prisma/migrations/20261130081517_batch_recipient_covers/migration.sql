-- AlterTable
ALTER TABLE "BatchRecipient" ADD COLUMN     "coversBodyIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

