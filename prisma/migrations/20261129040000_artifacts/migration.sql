-- AlterTable
ALTER TABLE "request_revisions" ADD COLUMN     "generator_version" TEXT,
ADD COLUMN     "summary" JSONB;

-- CreateTable
CREATE TABLE "request_artifacts" (
    "id" TEXT NOT NULL,
    "revision_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "path" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "media_type" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,

    CONSTRAINT "request_artifacts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "request_artifacts_revision_id_position_idx" ON "request_artifacts"("revision_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "request_artifacts_revision_id_path_key" ON "request_artifacts"("revision_id", "path");

-- AddForeignKey
ALTER TABLE "request_artifacts" ADD CONSTRAINT "request_artifacts_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "request_revisions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
