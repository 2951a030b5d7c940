-- Deployments and DORA metrics (issue 13, docs/decisions/018).

-- CreateEnum
CREATE TYPE "DeploymentStatus" AS ENUM ('STARTED', 'SUCCEEDED', 'FAILED', 'ROLLED_BACK');

-- CreateTable
CREATE TABLE "deployments" (
    "id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,
    "client_key" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "version" TEXT NOT NULL DEFAULT '',
    "commit_sha" TEXT,
    "status" "DeploymentStatus" NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL,
    "finished_at" TIMESTAMP(3),
    "triggered_by" TEXT NOT NULL DEFAULT '',
    "url" TEXT,
    "source" TEXT NOT NULL DEFAULT 'api',
    "rework" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "deployments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deployment_commits" (
    "deployment_id" TEXT NOT NULL,
    "sha" TEXT NOT NULL,
    "authored_at" TIMESTAMP(3) NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "deployment_commits_pkey" PRIMARY KEY ("deployment_id","sha")
);

-- CreateTable
CREATE TABLE "incident_deployment_links" (
    "incident_id" TEXT NOT NULL,
    "deployment_id" TEXT NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "incident_deployment_links_pkey" PRIMARY KEY ("incident_id","deployment_id")
);

-- CreateTable
CREATE TABLE "dora_target_overrides" (
    "team_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "dora_target_overrides_pkey" PRIMARY KEY ("team_id","key")
);

-- CreateIndex
CREATE UNIQUE INDEX "deployments_team_id_client_key_key" ON "deployments"("team_id", "client_key");

-- CreateIndex
CREATE INDEX "deployments_service_id_environment_started_at_idx" ON "deployments"("service_id", "environment", "started_at");

-- CreateIndex
CREATE INDEX "deployments_team_id_environment_started_at_idx" ON "deployments"("team_id", "environment", "started_at");

-- CreateIndex
CREATE INDEX "incident_deployment_links_deployment_id_idx" ON "incident_deployment_links"("deployment_id");

-- AddForeignKey
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deployment_commits" ADD CONSTRAINT "deployment_commits_deployment_id_fkey" FOREIGN KEY ("deployment_id") REFERENCES "deployments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_deployment_links" ADD CONSTRAINT "incident_deployment_links_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_deployment_links" ADD CONSTRAINT "incident_deployment_links_deployment_id_fkey" FOREIGN KEY ("deployment_id") REFERENCES "deployments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dora_target_overrides" ADD CONSTRAINT "dora_target_overrides_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "deployment_hooks" (
    "id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "secret_ciphertext" TEXT NOT NULL,
    "created_by_id" TEXT,
    "last_delivery_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deployment_hooks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pushed_commits" (
    "service_id" TEXT NOT NULL,
    "head_sha" TEXT NOT NULL,
    "sha" TEXT NOT NULL,
    "authored_at" TIMESTAMP(3) NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pushed_commits_pkey" PRIMARY KEY ("service_id","head_sha","sha")
);

-- CreateIndex
CREATE INDEX "deployment_hooks_team_id_idx" ON "deployment_hooks"("team_id");

-- AddForeignKey
ALTER TABLE "deployment_hooks" ADD CONSTRAINT "deployment_hooks_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deployment_hooks" ADD CONSTRAINT "deployment_hooks_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pushed_commits" ADD CONSTRAINT "pushed_commits_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;
