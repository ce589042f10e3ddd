-- CreateTable
CREATE TABLE "RunningDueCount" (
    "workspaceId" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RunningDueCount_pkey" PRIMARY KEY ("workspaceId","dueOn")
);

-- AddForeignKey
ALTER TABLE "RunningDueCount" ADD CONSTRAINT "RunningDueCount_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- Keep RunningDueCount right in the same transaction as every change to FoiRequest, as
-- RequestStatusCount is kept (the request_status_counts migration): statement-level triggers
-- with transition tables, rows locked in (workspace, date) order, a workspace being deleted
-- skipped. "Running" is the statuses in CLOCK_RUNNING (lib/requests/status.ts), not deleted,
-- with a due date. Dates no longer holding any running request are removed, so the table stays
-- as small as the number of distinct due dates still open.
-- Applies one statement's changes: +1/-1 per running request by (workspace, due date).
CREATE FUNCTION "foi_request_running_due_apply"(changes "RunningDueCount"[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "RunningDueCount" ("workspaceId", "dueOn", "count")
    SELECT d."workspaceId", d."dueOn", sum(d."count")::int
    FROM unnest(changes) d JOIN "Workspace" w ON w."id" = d."workspaceId"
    GROUP BY 1, 2 HAVING sum(d."count") <> 0 ORDER BY 1, 2
    ON CONFLICT ("workspaceId", "dueOn") DO UPDATE SET "count" = "RunningDueCount"."count" + EXCLUDED."count";
  DELETE FROM "RunningDueCount" c USING unnest(changes) d
    WHERE c."workspaceId" = d."workspaceId" AND c."dueOn" = d."dueOn" AND c."count" = 0;
$$;

-- Each trigger sees only its own transition tables, so each operation has its branch.
CREATE FUNCTION "foi_request_running_due_counts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "foi_request_running_due_apply"(ARRAY(
      SELECT ROW("workspaceId", "dueOn", 1)::"RunningDueCount" FROM new_rows
      WHERE "deletedAt" IS NULL AND "status" IN ('awaiting_response', 'extended') AND "dueOn" IS NOT NULL));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "foi_request_running_due_apply"(ARRAY(
      SELECT ROW("workspaceId", "dueOn", 1)::"RunningDueCount" FROM new_rows
      WHERE "deletedAt" IS NULL AND "status" IN ('awaiting_response', 'extended') AND "dueOn" IS NOT NULL
      UNION ALL
      SELECT ROW("workspaceId", "dueOn", -1)::"RunningDueCount" FROM old_rows
      WHERE "deletedAt" IS NULL AND "status" IN ('awaiting_response', 'extended') AND "dueOn" IS NOT NULL));
  ELSE
    PERFORM "foi_request_running_due_apply"(ARRAY(
      SELECT ROW("workspaceId", "dueOn", -1)::"RunningDueCount" FROM old_rows
      WHERE "deletedAt" IS NULL AND "status" IN ('awaiting_response', 'extended') AND "dueOn" IS NOT NULL));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "FoiRequest_running_due_counts_insert" AFTER INSERT ON "FoiRequest"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "foi_request_running_due_counts"();
CREATE TRIGGER "FoiRequest_running_due_counts_update" AFTER UPDATE ON "FoiRequest"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "foi_request_running_due_counts"();
CREATE TRIGGER "FoiRequest_running_due_counts_delete" AFTER DELETE ON "FoiRequest"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "foi_request_running_due_counts"();

-- The requests there already.
INSERT INTO "RunningDueCount" ("workspaceId", "dueOn", "count")
  SELECT "workspaceId", "dueOn", count(*)::int FROM "FoiRequest"
  WHERE "deletedAt" IS NULL AND "status" IN ('awaiting_response', 'extended') AND "dueOn" IS NOT NULL
  GROUP BY 1, 2;
