-- CreateEnum
CREATE TYPE "ApprovalDecision" AS ENUM ('APPROVE', 'REQUEST_CHANGES');

-- CreateEnum
CREATE TYPE "DecisionStatus" AS ENUM ('PROPOSED', 'ACCEPTED', 'REJECTED', 'SUPERSEDED');

-- CreateTable
CREATE TABLE "reviewer_designations" (
    "id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reviewer_designations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "approval_requirements" (
    "id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "role_key" TEXT NOT NULL,
    "reviewer_kind" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "approval_requirements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "request_approvals" (
    "id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "reviewer_id" TEXT NOT NULL,
    "decision" "ApprovalDecision" NOT NULL,
    "comment" TEXT,
    "kinds" TEXT[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "request_approvals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "decisions" (
    "id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "status" "DecisionStatus" NOT NULL DEFAULT 'PROPOSED',
    "context" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "consequences" TEXT NOT NULL,
    "request_id" TEXT,
    "revision" INTEGER,
    "meeting_item_id" TEXT,
    "superseded_by_id" TEXT,
    "author_id" TEXT,
    "decided_at" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "decision_counters" (
    "team_id" TEXT NOT NULL,
    "last_number" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "decision_counters_pkey" PRIMARY KEY ("team_id")
);

-- CreateIndex
CREATE INDEX "reviewer_designations_team_id_kind_idx" ON "reviewer_designations"("team_id", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "reviewer_designations_team_id_user_id_kind_key" ON "reviewer_designations"("team_id", "user_id", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "approval_requirements_team_id_role_key_reviewer_kind_key" ON "approval_requirements"("team_id", "role_key", "reviewer_kind");

-- CreateIndex
CREATE INDEX "request_approvals_reviewer_id_idx" ON "request_approvals"("reviewer_id");

-- CreateIndex
CREATE UNIQUE INDEX "request_approvals_request_id_revision_reviewer_id_key" ON "request_approvals"("request_id", "revision", "reviewer_id");

-- CreateIndex
CREATE INDEX "decisions_team_id_status_idx" ON "decisions"("team_id", "status");

-- CreateIndex
CREATE INDEX "decisions_request_id_idx" ON "decisions"("request_id");

-- CreateIndex
CREATE UNIQUE INDEX "decisions_team_id_number_key" ON "decisions"("team_id", "number");

-- AddForeignKey
ALTER TABLE "reviewer_designations" ADD CONSTRAINT "reviewer_designations_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reviewer_designations" ADD CONSTRAINT "reviewer_designations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approval_requirements" ADD CONSTRAINT "approval_requirements_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_approvals" ADD CONSTRAINT "request_approvals_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_approvals" ADD CONSTRAINT "request_approvals_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_superseded_by_id_fkey" FOREIGN KEY ("superseded_by_id") REFERENCES "decisions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision_counters" ADD CONSTRAINT "decision_counters_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;
