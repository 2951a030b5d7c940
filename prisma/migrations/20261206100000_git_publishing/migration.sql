-- Git delivery: repositories per team, publish-on-approval rules, publications as a worker job table (ADR 016).

-- CreateEnum
CREATE TYPE "GitAuthKind" AS ENUM ('NONE', 'TOKEN', 'BASIC');

-- CreateEnum
CREATE TYPE "GitProvider" AS ENUM ('NONE', 'GITHUB', 'GITLAB', 'GITEA');

-- CreateEnum
CREATE TYPE "PublicationState" AS ENUM ('QUEUED', 'PUSHING', 'OPEN', 'MERGED', 'CLOSED', 'FAILED');

-- CreateTable
CREATE TABLE "git_repositories" (
    "id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "clone_url" TEXT NOT NULL,
    "default_branch" TEXT NOT NULL,
    "path_template" TEXT NOT NULL,
    "auth_kind" "GitAuthKind" NOT NULL DEFAULT 'TOKEN',
    "username" TEXT,
    "secret_encrypted" TEXT,
    "provider" "GitProvider" NOT NULL DEFAULT 'NONE',
    "api_url" TEXT,
    "webhook_secret_encrypted" TEXT,
    "last_checked_at" TIMESTAMP(3),
    "last_check_ok" BOOLEAN,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "git_repositories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auto_publish_rules" (
    "id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "role_key" TEXT NOT NULL,
    "repository_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "auto_publish_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "publications" (
    "id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "request_id" TEXT NOT NULL,
    "repository_id" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "trigger" TEXT NOT NULL,
    "state" "PublicationState" NOT NULL DEFAULT 'QUEUED',
    "branch" TEXT NOT NULL,
    "directory" TEXT NOT NULL,
    "commit_sha" TEXT,
    "pull_request_number" INTEGER,
    "pull_request_url" TEXT,
    "outcome" JSONB,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_by" TEXT,
    "locked_until" TIMESTAMP(3),
    "last_error" TEXT,
    "requested_by_id" TEXT,
    "published_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),
    "last_polled_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "publications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "git_repositories_team_id_name_key" ON "git_repositories"("team_id", "name");

-- CreateIndex
CREATE INDEX "auto_publish_rules_repository_id_idx" ON "auto_publish_rules"("repository_id");

-- CreateIndex
CREATE UNIQUE INDEX "auto_publish_rules_team_id_role_key_key" ON "auto_publish_rules"("team_id", "role_key");

-- CreateIndex
CREATE INDEX "publications_state_next_attempt_at_idx" ON "publications"("state", "next_attempt_at");

-- CreateIndex
CREATE INDEX "publications_request_id_created_at_idx" ON "publications"("request_id", "created_at");

-- CreateIndex
CREATE INDEX "publications_repository_id_pull_request_number_idx" ON "publications"("repository_id", "pull_request_number");

-- CreateIndex
CREATE INDEX "publications_team_id_idx" ON "publications"("team_id");

-- AddForeignKey
ALTER TABLE "git_repositories" ADD CONSTRAINT "git_repositories_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auto_publish_rules" ADD CONSTRAINT "auto_publish_rules_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "auto_publish_rules" ADD CONSTRAINT "auto_publish_rules_repository_id_fkey" FOREIGN KEY ("repository_id") REFERENCES "git_repositories"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publications" ADD CONSTRAINT "publications_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publications" ADD CONSTRAINT "publications_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publications" ADD CONSTRAINT "publications_repository_id_fkey" FOREIGN KEY ("repository_id") REFERENCES "git_repositories"("id") ON DELETE CASCADE ON UPDATE CASCADE;
