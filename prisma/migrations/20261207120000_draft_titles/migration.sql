-- AlterTable
ALTER TABLE "requests" ADD COLUMN     "draft_title" TEXT;
