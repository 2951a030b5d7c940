-- AlterTable
ALTER TABLE "slos" ADD COLUMN     "source_request_id" TEXT,
ADD COLUMN     "source_revision" INTEGER;

-- CreateIndex
CREATE INDEX "slos_source_request_id_idx" ON "slos"("source_request_id");
