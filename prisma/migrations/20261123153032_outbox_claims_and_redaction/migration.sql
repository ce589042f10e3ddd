-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "claimedAt" TIMESTAMP(3),
ADD COLUMN     "redactAfterSend" BOOLEAN NOT NULL DEFAULT false;

