-- CreateEnum
CREATE TYPE "MailboxSecurity" AS ENUM ('tls', 'starttls', 'none');

-- CreateTable
CREATE TABLE "ImapMailbox" (
    "workspaceId" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "port" INTEGER NOT NULL,
    "security" "MailboxSecurity" NOT NULL DEFAULT 'tls',
    "username" TEXT NOT NULL,
    "passwordEncrypted" TEXT NOT NULL,
    "folder" TEXT NOT NULL DEFAULT 'INBOX',
    "uidValidity" BIGINT,
    "lastUid" BIGINT NOT NULL DEFAULT 0,
    "claimedAt" TIMESTAMP(3),
    "lastPolledAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImapMailbox_pkey" PRIMARY KEY ("workspaceId")
);

-- AddForeignKey
ALTER TABLE "ImapMailbox" ADD CONSTRAINT "ImapMailbox_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

