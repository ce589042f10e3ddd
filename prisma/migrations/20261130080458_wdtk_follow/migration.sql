-- CreateTable
CREATE TABLE "WdtkFollow" (
    "requestId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "etag" TEXT,
    "lastModified" TEXT,
    "siteState" TEXT,
    "checkedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "lastErrorKind" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WdtkFollow_pkey" PRIMARY KEY ("requestId")
);

-- CreateIndex
CREATE INDEX "WdtkFollow_workspaceId_idx" ON "WdtkFollow"("workspaceId");

-- AddForeignKey
ALTER TABLE "WdtkFollow" ADD CONSTRAINT "WdtkFollow_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "FoiRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

