-- Prometheus data sources: a team's Prometheus-compatible APIs, SLOs taking their SLI from one, the pull's
-- progress per SLO, and the low-traffic guard of alerting (docs/decisions/017).

-- CreateEnum
CREATE TYPE "DataSourceKind" AS ENUM ('PROMETHEUS');

-- CreateEnum
CREATE TYPE "DataSourceAuthKind" AS ENUM ('NONE', 'BEARER', 'BASIC');

-- CreateTable
CREATE TABLE "data_sources" (
    "id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "DataSourceKind" NOT NULL DEFAULT 'PROMETHEUS',
    "url" TEXT NOT NULL,
    "auth_kind" "DataSourceAuthKind" NOT NULL DEFAULT 'NONE',
    "username" TEXT,
    "secret_encrypted" TEXT,
    "tls_verify" BOOLEAN NOT NULL DEFAULT true,
    "timeout_ms" INTEGER NOT NULL DEFAULT 10000,
    "last_checked_at" TIMESTAMP(3),
    "last_check_ok" BOOLEAN,
    "last_check_detail" TEXT,
    "server_version" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "data_sources_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "slo_source_syncs" (
    "slo_id" TEXT NOT NULL,
    "synced_until" TIMESTAMP(3),
    "backfill_from" TIMESTAMP(3) NOT NULL,
    "backfill_to" TIMESTAMP(3) NOT NULL,
    "last_success_at" TIMESTAMP(3),
    "last_error_at" TIMESTAMP(3),
    "last_error" TEXT,
    "last_data_minute" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "slo_source_syncs_pkey" PRIMARY KEY ("slo_id")
);

-- AlterTable
ALTER TABLE "slos" ADD COLUMN     "data_source_id" TEXT,
ADD COLUMN     "alert_min_events" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "data_sources_team_id_name_key" ON "data_sources"("team_id", "name");

-- CreateIndex
CREATE INDEX "slos_data_source_id_idx" ON "slos"("data_source_id");

-- AddForeignKey
ALTER TABLE "data_sources" ADD CONSTRAINT "data_sources_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "slos" ADD CONSTRAINT "slos_data_source_id_fkey" FOREIGN KEY ("data_source_id") REFERENCES "data_sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "slo_source_syncs" ADD CONSTRAINT "slo_source_syncs_slo_id_fkey" FOREIGN KEY ("slo_id") REFERENCES "slos"("id") ON DELETE CASCADE ON UPDATE CASCADE;
