-- CreateIndex
CREATE INDEX "FoiRequest_updatedAt_idx" ON "FoiRequest"("updatedAt");

