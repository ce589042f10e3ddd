-- CreateEnum
CREATE TYPE "MessageSource" AS ENUM ('manual', 'imap', 'smtp', 'whatdotheyknow');

-- CreateEnum
CREATE TYPE "ReplyReview" AS ENUM ('none', 'pending', 'confirmed', 'dismissed');

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "contentHash" TEXT,
ADD COLUMN     "externalAttachments" JSONB,
ADD COLUMN     "externalUrl" TEXT,
ADD COLUMN     "matchedBy" TEXT,
ADD COLUMN     "review" "ReplyReview" NOT NULL DEFAULT 'none',
ADD COLUMN     "source" "MessageSource" NOT NULL DEFAULT 'manual',
ADD COLUMN     "sourceKey" TEXT,
ADD COLUMN     "suggestion" JSONB,
ALTER COLUMN "requestId" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "Message_workspaceId_review_idx" ON "Message"("workspaceId", "review");

-- CreateIndex
CREATE UNIQUE INDEX "Message_workspaceId_source_sourceKey_key" ON "Message"("workspaceId", "source", "sourceKey");

