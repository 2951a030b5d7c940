-- CreateEnum
CREATE TYPE "SliKind" AS ENUM ('RATIO', 'LATENCY');

-- CreateTable
CREATE TABLE "slos" (
    "id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "sli_kind" "SliKind" NOT NULL,
    "good_query" TEXT,
    "total_query" TEXT,
    "latency_metric" TEXT,
    "latency_threshold_ms" INTEGER,
    "objective" DOUBLE PRECISION NOT NULL,
    "window_days" INTEGER NOT NULL,
    "alerting" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "slos_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "slo_samples" (
    "slo_id" TEXT NOT NULL,
    "minute" TIMESTAMP(3) NOT NULL,
    "good" BIGINT NOT NULL,
    "total" BIGINT NOT NULL,

    CONSTRAINT "slo_samples_pkey" PRIMARY KEY ("slo_id","minute")
);

-- CreateTable
CREATE TABLE "slo_sample_hours" (
    "slo_id" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "good" BIGINT NOT NULL,
    "total" BIGINT NOT NULL,
    "minutes" INTEGER NOT NULL,

    CONSTRAINT "slo_sample_hours_pkey" PRIMARY KEY ("slo_id","hour")
);

-- CreateIndex
CREATE INDEX "slos_team_id_idx" ON "slos"("team_id");

-- CreateIndex
CREATE UNIQUE INDEX "slos_service_id_slug_key" ON "slos"("service_id", "slug");

-- AddForeignKey
ALTER TABLE "slos" ADD CONSTRAINT "slos_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "slos" ADD CONSTRAINT "slos_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "slo_samples" ADD CONSTRAINT "slo_samples_slo_id_fkey" FOREIGN KEY ("slo_id") REFERENCES "slos"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "slo_sample_hours" ADD CONSTRAINT "slo_sample_hours_slo_id_fkey" FOREIGN KEY ("slo_id") REFERENCES "slos"("id") ON DELETE CASCADE ON UPDATE CASCADE;
