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

-- CreateTable
CREATE TABLE "slo_sample_days" (
    "slo_id" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "good" BIGINT NOT NULL,
    "total" BIGINT NOT NULL,
    "minutes" INTEGER NOT NULL,

    CONSTRAINT "slo_sample_days_pkey" PRIMARY KEY ("slo_id","day")
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
ALTER TABLE "slo_sample_hours" ADD CONSTRAINT "slo_sample_hours_slo_id_fkey" FOREIGN KEY ("slo_id") REFERENCES "slos"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "slo_sample_days" ADD CONSTRAINT "slo_sample_days_slo_id_fkey" FOREIGN KEY ("slo_id") REFERENCES "slos"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- slo_samples has no foreign key on purpose: PostgreSQL would check one per inserted row, halving ingestion
-- speed. Ingestion locks the SLO's row once per batch instead, and this trigger deletes an SLO's samples
-- when the SLO goes, directly or by cascade from its service or team (docs/decisions/006).
CREATE FUNCTION "slo_samples_delete_with_slo"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "slo_samples" WHERE "slo_id" = OLD."id";
    RETURN OLD;
END;
$$;

CREATE TRIGGER "slos_delete_samples" AFTER DELETE ON "slos" FOR EACH ROW EXECUTE FUNCTION "slo_samples_delete_with_slo"();
