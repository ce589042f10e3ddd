-- CreateTable
CREATE TABLE "RequestStatusCount" (
    "workspaceId" TEXT NOT NULL,
    "status" "RequestStatus" NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RequestStatusCount_pkey" PRIMARY KEY ("workspaceId","status")
);

-- CreateIndex
CREATE INDEX "FoiRequest_workspaceId_dueOn_createdAt_idx" ON "FoiRequest"("workspaceId", "dueOn", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "FoiRequest_workspaceId_createdAt_idx" ON "FoiRequest"("workspaceId", "createdAt");

-- AddForeignKey
ALTER TABLE "RequestStatusCount" ADD CONSTRAINT "RequestStatusCount_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Keep RequestStatusCount right in the same transaction as every change to FoiRequest
-- (Prisma, raw SQL, cascades alike). Statement-level triggers with transition tables add up
-- each statement's changes once (a batch of 1,000 is one upsert, not 1,000). Rows are locked
-- in (workspace, status) order so two statements cannot wait on each other in a circle.
-- A workspace being deleted is skipped: its counts go with it (ON DELETE CASCADE).
CREATE FUNCTION "foi_request_status_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "RequestStatusCount" ("workspaceId", "status", "count")
      SELECT d."workspaceId", d."status", count(*)::int FROM new_rows d JOIN "Workspace" w ON w."id" = d."workspaceId"
      WHERE d."deletedAt" IS NULL GROUP BY 1, 2 ORDER BY 1, 2
      ON CONFLICT ("workspaceId", "status") DO UPDATE SET "count" = "RequestStatusCount"."count" + EXCLUDED."count";
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO "RequestStatusCount" ("workspaceId", "status", "count")
      SELECT d."workspaceId", d."status", sum(d.n)::int
      FROM (SELECT "workspaceId", "status", 1 AS n FROM new_rows WHERE "deletedAt" IS NULL
            UNION ALL SELECT "workspaceId", "status", -1 FROM old_rows WHERE "deletedAt" IS NULL) d
      JOIN "Workspace" w ON w."id" = d."workspaceId"
      GROUP BY 1, 2 HAVING sum(d.n) <> 0 ORDER BY 1, 2
      ON CONFLICT ("workspaceId", "status") DO UPDATE SET "count" = "RequestStatusCount"."count" + EXCLUDED."count";
  ELSE
    INSERT INTO "RequestStatusCount" ("workspaceId", "status", "count")
      SELECT d."workspaceId", d."status", -count(*)::int FROM old_rows d JOIN "Workspace" w ON w."id" = d."workspaceId"
      WHERE d."deletedAt" IS NULL GROUP BY 1, 2 ORDER BY 1, 2
      ON CONFLICT ("workspaceId", "status") DO UPDATE SET "count" = "RequestStatusCount"."count" + EXCLUDED."count";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "FoiRequest_status_counts_insert" AFTER INSERT ON "FoiRequest"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "foi_request_status_counts"();
CREATE TRIGGER "FoiRequest_status_counts_update" AFTER UPDATE ON "FoiRequest"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "foi_request_status_counts"();
CREATE TRIGGER "FoiRequest_status_counts_delete" AFTER DELETE ON "FoiRequest"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "foi_request_status_counts"();

-- The requests there already.
INSERT INTO "RequestStatusCount" ("workspaceId", "status", "count")
  SELECT "workspaceId", "status", count(*)::int FROM "FoiRequest" WHERE "deletedAt" IS NULL GROUP BY 1, 2;

-- The overdue count and the dashboard's two lists read only requests whose clock runs (the
-- statuses in CLOCK_RUNNING, lib/requests/status.ts), in due-date order. Prisma's schema
-- cannot declare a partial index, so it lives here only.
CREATE INDEX "FoiRequest_running_due_idx" ON "FoiRequest" ("workspaceId", "dueOn") WHERE "deletedAt" IS NULL AND "status" IN ('awaiting_response', 'extended');
