-- A batch's page and list read, for every recipient, whether its request was acknowledged
-- (lib/batches/get-batch.ts, progress buckets). A partial index holding only acknowledgements
-- answers that from a small index instead of probing every request's whole timeline. Prisma's
-- schema cannot declare a partial index, so it lives here only.
CREATE INDEX "RequestEvent_acknowledged_idx" ON "RequestEvent" ("requestId") WHERE kind = 'acknowledged';
