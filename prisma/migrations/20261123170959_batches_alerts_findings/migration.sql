-- CreateEnum
CREATE TYPE "BatchState" AS ENUM ('draft', 'sent');

-- CreateEnum
CREATE TYPE "AlertKind" AS ENUM ('due_soon', 'due_today', 'overdue', 'very_overdue', 'review_overdue', 'review_very_overdue', 'clarification_waiting', 'fee_waiting');

-- CreateEnum
CREATE TYPE "AlertDelivery" AS ENUM ('app', 'email', 'off');

-- CreateEnum
CREATE TYPE "QuestionType" AS ENUM ('choice', 'text', 'number', 'date');

-- CreateEnum
CREATE TYPE "AnswerChoice" AS ENUM ('yes', 'no', 'partly', 'not_answered', 'not_held');

-- AlterEnum
ALTER TYPE "DeliveryState" ADD VALUE 'unconfirmed';

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "mailbox" TEXT;

-- AlterTable
ALTER TABLE "FoiRequest" ADD COLUMN     "batchId" TEXT,
ADD COLUMN     "reference" SERIAL NOT NULL,
ADD COLUMN     "reviewRequestedOn" DATE,
ADD COLUMN     "reviewVeryOverdueOn" DATE,
ADD COLUMN     "waitingSince" DATE;

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "dedupeKey" TEXT,
ADD COLUMN     "replyTo" TEXT,
ADD COLUMN     "requestId" TEXT;

-- CreateTable
CREATE TABLE "Batch" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "parentId" TEXT,
    "law" "Law" NOT NULL DEFAULT 'foia',
    "channel" "Channel" NOT NULL DEFAULT 'email',
    "titleTemplate" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "state" "BatchState" NOT NULL DEFAULT 'draft',
    "createdById" TEXT,
    "sentAt" TIMESTAMP(3),
    "publicToken" TEXT,
    "publicSince" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Batch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BatchRecipient" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "bodyId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "letter" TEXT,
    "channel" "Channel",
    "requestId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BatchRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "kind" "AlertKind" NOT NULL,
    "cycle" DATE NOT NULL,
    "dueOn" DATE NOT NULL,
    "raisedOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "alertId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "readAt" TIMESTAMP(3),
    "digestedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertSettings" (
    "userId" TEXT NOT NULL,
    "digestTime" TEXT NOT NULL DEFAULT '08:00',
    "dueSoonDays" INTEGER NOT NULL DEFAULT 3,
    "calendarTokenHash" TEXT,
    "lastDigestOn" DATE,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertSettings_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "AlertPreference" (
    "userId" TEXT NOT NULL,
    "kind" "AlertKind" NOT NULL,
    "delivery" "AlertDelivery" NOT NULL,

    CONSTRAINT "AlertPreference_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateTable
CREATE TABLE "ScheduledRun" (
    "task" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ScheduledRun_pkey" PRIMARY KEY ("task","day")
);

-- CreateTable
CREATE TABLE "Question" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "type" "QuestionType" NOT NULL DEFAULT 'choice',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Question_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Answer" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "choice" "AnswerChoice",
    "text" TEXT,
    "number" DOUBLE PRECISION,
    "date" DATE,
    "quote" TEXT,
    "messageId" TEXT,
    "attachmentId" TEXT,
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Answer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Batch_publicToken_key" ON "Batch"("publicToken");

-- CreateIndex
CREATE INDEX "Batch_workspaceId_createdAt_idx" ON "Batch"("workspaceId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "BatchRecipient_requestId_key" ON "BatchRecipient"("requestId");

-- CreateIndex
CREATE INDEX "BatchRecipient_batchId_position_idx" ON "BatchRecipient"("batchId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "BatchRecipient_batchId_bodyId_key" ON "BatchRecipient"("batchId", "bodyId");

-- CreateIndex
CREATE INDEX "Alert_workspaceId_raisedOn_idx" ON "Alert"("workspaceId", "raisedOn");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_requestId_kind_cycle_key" ON "Alert"("requestId", "kind", "cycle");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "Notification_userId_digestedAt_idx" ON "Notification"("userId", "digestedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_alertId_userId_key" ON "Notification"("alertId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "AlertSettings_calendarTokenHash_key" ON "AlertSettings"("calendarTokenHash");

-- CreateIndex
CREATE INDEX "Question_batchId_position_idx" ON "Question"("batchId", "position");

-- CreateIndex
CREATE INDEX "Answer_workspaceId_idx" ON "Answer"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "Answer_questionId_requestId_key" ON "Answer"("questionId", "requestId");

-- CreateIndex
CREATE UNIQUE INDEX "FoiRequest_reference_key" ON "FoiRequest"("reference");

-- CreateIndex
CREATE INDEX "FoiRequest_batchId_idx" ON "FoiRequest"("batchId");

-- CreateIndex
CREATE INDEX "FoiRequest_dueOn_idx" ON "FoiRequest"("dueOn");

-- CreateIndex
CREATE INDEX "FoiRequest_veryOverdueOn_idx" ON "FoiRequest"("veryOverdueOn");

-- CreateIndex
CREATE INDEX "FoiRequest_reviewDueOn_idx" ON "FoiRequest"("reviewDueOn");

-- CreateIndex
CREATE INDEX "FoiRequest_reviewVeryOverdueOn_idx" ON "FoiRequest"("reviewVeryOverdueOn");

-- CreateIndex
CREATE INDEX "FoiRequest_waitingSince_idx" ON "FoiRequest"("waitingSince");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_dedupeKey_key" ON "Delivery"("dedupeKey");

-- CreateIndex
CREATE INDEX "Delivery_requestId_idx" ON "Delivery"("requestId");

-- AddForeignKey
ALTER TABLE "FoiRequest" ADD CONSTRAINT "FoiRequest_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "Batch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "FoiRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Batch" ADD CONSTRAINT "Batch_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Batch" ADD CONSTRAINT "Batch_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "FoiRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BatchRecipient" ADD CONSTRAINT "BatchRecipient_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "Batch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BatchRecipient" ADD CONSTRAINT "BatchRecipient_bodyId_fkey" FOREIGN KEY ("bodyId") REFERENCES "PublicBody"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BatchRecipient" ADD CONSTRAINT "BatchRecipient_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "FoiRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "FoiRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertSettings" ADD CONSTRAINT "AlertSettings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertPreference" ADD CONSTRAINT "AlertPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "Batch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "FoiRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

