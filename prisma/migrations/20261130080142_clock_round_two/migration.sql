-- AlterTable
ALTER TABLE "FoiRequest" ADD COLUMN     "answerApproximate" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "RequestEvent" ADD COLUMN     "notReasonablyRequired" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Alert" ADD COLUMN     "expectedOn" DATE;


-- Requests already answered on an "on or before" date (the seeded history): their timeliness is unknown.
UPDATE "FoiRequest" r SET "answerApproximate" = true
WHERE r."answeredOn" IS NOT NULL AND EXISTS (
  SELECT 1 FROM "RequestEvent" e
  WHERE e."requestId" = r.id AND e.approximate
    AND e.kind IN ('response_successful', 'response_partial', 'response_refused', 'response_not_held')
    AND (e."occurredAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/London')::date = r."answeredOn"
);
