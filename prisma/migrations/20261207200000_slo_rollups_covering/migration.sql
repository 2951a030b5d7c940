-- The hourly and daily SLO rollups' primary keys carry the sums (INCLUDE good, total, minutes), so the report
-- query's many small range scans (lib/slo/reports.server.ts: up to 71 hours and 29 days per SLO) are
-- index-only scans instead of one heap page per row: the rows of one SLO lie scattered across the heap,
-- because every SLO's hours are written as they come. At 500 SLOs × 90 days the team list's sums took
-- a third of the time (bench:slo BENCH_SCALE=10). schema.prisma cannot express INCLUDE; the key columns
-- are unchanged, so it still describes these keys exactly.
ALTER TABLE "slo_sample_hours" DROP CONSTRAINT "slo_sample_hours_pkey",
  ADD CONSTRAINT "slo_sample_hours_pkey" PRIMARY KEY ("slo_id", "hour") INCLUDE ("good", "total", "minutes");
ALTER TABLE "slo_sample_days" DROP CONSTRAINT "slo_sample_days_pkey",
  ADD CONSTRAINT "slo_sample_days_pkey" PRIMARY KEY ("slo_id", "day") INCLUDE ("good", "total", "minutes");
