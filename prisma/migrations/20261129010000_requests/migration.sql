-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'APPROVED', 'CHANGES_REQUESTED', 'CLOSED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "requests" (
    "id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "role_key" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "status" "RequestStatus" NOT NULL DEFAULT 'DRAFT',
    "author_id" TEXT,
    "current_revision" INTEGER NOT NULL DEFAULT 0,
    "draft" JSONB,
    "draft_base_revision" INTEGER,
    "draft_updated_at" TIMESTAMP(3),
    "draft_updated_by_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "cloned_from_id" TEXT,
    "submitted_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "request_revisions" (
    "id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "input" JSONB NOT NULL,
    "title" TEXT NOT NULL,
    "author_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "request_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "request_transitions" (
    "id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "from_status" "RequestStatus" NOT NULL,
    "to_status" "RequestStatus" NOT NULL,
    "actor_id" TEXT,
    "comment" TEXT,
    "revision" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "request_transitions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "request_comments" (
    "id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "author_id" TEXT,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "edited_at" TIMESTAMP(3),

    CONSTRAINT "request_comments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "requests_team_id_status_idx" ON "requests"("team_id", "status");

-- CreateIndex
CREATE INDEX "requests_team_id_role_key_idx" ON "requests"("team_id", "role_key");

-- CreateIndex
CREATE INDEX "requests_team_id_updated_at_idx" ON "requests"("team_id", "updated_at");

-- CreateIndex
CREATE INDEX "requests_author_id_idx" ON "requests"("author_id");

-- CreateIndex
CREATE UNIQUE INDEX "request_revisions_request_id_number_key" ON "request_revisions"("request_id", "number");

-- CreateIndex
CREATE INDEX "request_transitions_request_id_created_at_idx" ON "request_transitions"("request_id", "created_at");

-- CreateIndex
CREATE INDEX "request_comments_request_id_created_at_idx" ON "request_comments"("request_id", "created_at");

-- AddForeignKey
ALTER TABLE "requests" ADD CONSTRAINT "requests_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "requests" ADD CONSTRAINT "requests_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "requests" ADD CONSTRAINT "requests_draft_updated_by_id_fkey" FOREIGN KEY ("draft_updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "requests" ADD CONSTRAINT "requests_cloned_from_id_fkey" FOREIGN KEY ("cloned_from_id") REFERENCES "requests"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_revisions" ADD CONSTRAINT "request_revisions_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_revisions" ADD CONSTRAINT "request_revisions_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_transitions" ADD CONSTRAINT "request_transitions_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_transitions" ADD CONSTRAINT "request_transitions_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_comments" ADD CONSTRAINT "request_comments_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_comments" ADD CONSTRAINT "request_comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
