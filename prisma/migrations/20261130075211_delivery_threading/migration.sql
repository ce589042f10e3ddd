-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "inReplyTo" TEXT,
ADD COLUMN     "references" TEXT;

