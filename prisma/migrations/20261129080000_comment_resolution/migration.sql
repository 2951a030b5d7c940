-- AlterTable
ALTER TABLE "request_comments" ADD COLUMN     "resolved_at" TIMESTAMP(3),
ADD COLUMN     "resolved_by_id" TEXT;

-- AddForeignKey
ALTER TABLE "request_comments" ADD CONSTRAINT "request_comments_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
