-- CreateTable
CREATE TABLE "BatchProgressVersion" (
    "batchId" TEXT NOT NULL,
    "slot" SMALLINT NOT NULL,
    "version" BIGINT NOT NULL,

    CONSTRAINT "BatchProgressVersion_pkey" PRIMARY KEY ("batchId","slot")
);

-- AddForeignKey
ALTER TABLE "BatchProgressVersion" ADD CONSTRAINT "BatchProgressVersion_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "Batch"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- Move a batch's progress version in the same transaction as every change to what its progress
-- counts read (tallyByBatch in lib/batches/get-batch.ts): its recipients, their requests' status,
-- due date and deletion, the delivery of their letters, and acknowledgements. Counts worked out
-- at a version are then reused until it moves. Statement-level triggers with transition tables;
-- updates that leave those facts alone move nothing. The version is the sum over 16 slots and
-- each transaction adds to one slot (by its transaction id), so transactions sending letters of
-- the same batch at once rarely wait for each other: one row for the batch made the outbox
-- about a quarter slower. Rows are written in batch order; a batch deleted in this transaction
-- is skipped.
CREATE FUNCTION "batch_progress_touch"(batch_ids text[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "BatchProgressVersion" ("batchId", "slot", "version")
    SELECT b."id", (txid_current() % 16)::smallint, 1 FROM "Batch" b WHERE b."id" = ANY(batch_ids) ORDER BY b."id"
    ON CONFLICT ("batchId", "slot") DO UPDATE SET "version" = "BatchProgressVersion"."version" + 1;
$$;

CREATE FUNCTION "batch_progress_touch_requests"(request_ids text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE batch_ids text[];
BEGIN
  IF cardinality(request_ids) = 0 THEN RETURN; END IF;
  batch_ids := ARRAY(SELECT DISTINCT "batchId" FROM "BatchRecipient" WHERE "requestId" = ANY(request_ids));
  IF cardinality(batch_ids) > 0 THEN PERFORM "batch_progress_touch"(batch_ids); END IF;
END $$;

-- A request's status, due date or deletion. (A request deleted outright sets its recipient's
-- requestId to null, which the recipients' trigger sees.)
CREATE FUNCTION "foi_request_batch_progress"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "batch_progress_touch_requests"(ARRAY(
    SELECT n."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id"
    WHERE n."status" IS DISTINCT FROM o."status" OR n."dueOn" IS DISTINCT FROM o."dueOn"
       OR n."deletedAt" IS DISTINCT FROM o."deletedAt" OR n."workspaceId" IS DISTINCT FROM o."workspaceId"));
  RETURN NULL;
END $$;

CREATE TRIGGER "FoiRequest_batch_progress_update" AFTER UPDATE ON "FoiRequest"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "foi_request_batch_progress"();

-- Recipients added, removed, or given another request, body or batch.
CREATE FUNCTION "batch_recipient_batch_progress"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE batch_ids text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    batch_ids := ARRAY(SELECT DISTINCT "batchId" FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    batch_ids := ARRAY(SELECT DISTINCT "batchId" FROM old_rows);
  ELSE
    batch_ids := ARRAY(
      SELECT b FROM new_rows n JOIN old_rows o ON o."id" = n."id", LATERAL (VALUES (n."batchId"), (o."batchId")) v(b)
      WHERE n."requestId" IS DISTINCT FROM o."requestId" OR n."bodyId" IS DISTINCT FROM o."bodyId"
         OR n."batchId" IS DISTINCT FROM o."batchId" OR n."workspaceId" IS DISTINCT FROM o."workspaceId");
  END IF;
  IF cardinality(batch_ids) > 0 THEN PERFORM "batch_progress_touch"(batch_ids); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "BatchRecipient_batch_progress_insert" AFTER INSERT ON "BatchRecipient"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "batch_recipient_batch_progress"();
CREATE TRIGGER "BatchRecipient_batch_progress_update" AFTER UPDATE ON "BatchRecipient"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "batch_recipient_batch_progress"();
CREATE TRIGGER "BatchRecipient_batch_progress_delete" AFTER DELETE ON "BatchRecipient"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "batch_recipient_batch_progress"();

-- A request's letter by email: the progress reads the delivery whose key is 'request:<id>'.
CREATE FUNCTION "delivery_batch_progress"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE dedupe_keys text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    dedupe_keys := ARRAY(SELECT "dedupeKey" FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    dedupe_keys := ARRAY(SELECT "dedupeKey" FROM old_rows);
  ELSE
    dedupe_keys := ARRAY(
      SELECT k FROM new_rows n JOIN old_rows o ON o."id" = n."id", LATERAL (VALUES (n."dedupeKey"), (o."dedupeKey")) v(k)
      WHERE n."state" IS DISTINCT FROM o."state" OR n."dedupeKey" IS DISTINCT FROM o."dedupeKey" OR n."workspaceId" IS DISTINCT FROM o."workspaceId");
  END IF;
  PERFORM "batch_progress_touch_requests"(ARRAY(SELECT substr(k, 9) FROM unnest(dedupe_keys) k WHERE k LIKE 'request:%'));
  RETURN NULL;
END $$;

CREATE TRIGGER "Delivery_batch_progress_insert" AFTER INSERT ON "Delivery"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "delivery_batch_progress"();
CREATE TRIGGER "Delivery_batch_progress_update" AFTER UPDATE ON "Delivery"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "delivery_batch_progress"();
CREATE TRIGGER "Delivery_batch_progress_delete" AFTER DELETE ON "Delivery"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "delivery_batch_progress"();

-- Acknowledgements recorded or taken back.
CREATE FUNCTION "request_event_batch_progress"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "batch_progress_touch_requests"(ARRAY(SELECT "requestId" FROM new_rows WHERE "kind" = 'acknowledged'));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "batch_progress_touch_requests"(ARRAY(SELECT "requestId" FROM old_rows WHERE "kind" = 'acknowledged'));
  ELSE
    PERFORM "batch_progress_touch_requests"(ARRAY(
      SELECT r FROM new_rows n JOIN old_rows o ON o."id" = n."id", LATERAL (VALUES (n."requestId"), (o."requestId")) v(r)
      WHERE (n."kind" = 'acknowledged' OR o."kind" = 'acknowledged')
        AND (n."kind" IS DISTINCT FROM o."kind" OR n."requestId" IS DISTINCT FROM o."requestId")));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "RequestEvent_batch_progress_insert" AFTER INSERT ON "RequestEvent"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "request_event_batch_progress"();
CREATE TRIGGER "RequestEvent_batch_progress_update" AFTER UPDATE ON "RequestEvent"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "request_event_batch_progress"();
CREATE TRIGGER "RequestEvent_batch_progress_delete" AFTER DELETE ON "RequestEvent"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "request_event_batch_progress"();
