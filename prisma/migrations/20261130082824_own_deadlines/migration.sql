-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AlertKind" ADD VALUE 'own_deadline_soon';
ALTER TYPE "AlertKind" ADD VALUE 'compliance_missed';

-- AlterTable
ALTER TABLE "FoiRequest" ADD COLUMN     "complianceDueOn" DATE,
ADD COLUMN     "ownDeadlineKind" TEXT,
ADD COLUMN     "ownDeadlineOn" DATE,
ADD COLUMN     "ownDeadlineWarnOn" DATE;

-- CreateIndex
CREATE INDEX "FoiRequest_ownDeadlineWarnOn_idx" ON "FoiRequest"("ownDeadlineWarnOn");

-- CreateIndex
CREATE INDEX "FoiRequest_complianceDueOn_idx" ON "FoiRequest"("complianceDueOn");

