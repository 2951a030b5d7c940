-- DORA facts (issue 13, docs/decisions/018): what the DORA query derives for each finished deployment with the
-- default attribution window (change failure, recovery, rework, lead times), kept per deployment so that a
-- report aggregates rows instead of re-deriving them. Triggers mark what a change may affect as dirty, in
-- the changing transaction; lib/deployments/dora-facts.server.ts recomputes dirty ranges before a report
-- reads them (and the worker does so in the background), so a report never reads a stale fact.

-- CreateTable
CREATE TABLE "dora_deployment_facts" (
    "deployment_id" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "status" "DeploymentStatus" NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL,
    "failure" BOOLEAN NOT NULL,
    "recovered_at" TIMESTAMP(3),
    "recovery_seconds" DOUBLE PRECISION,
    "explicit_rework" BOOLEAN NOT NULL,
    "prev_rework" BOOLEAN NOT NULL,
    "prev_started_at" TIMESTAMP(3),
    "lead_seconds" DOUBLE PRECISION[],

    CONSTRAINT "dora_deployment_facts_pkey" PRIMARY KEY ("deployment_id")
);

-- CreateTable
CREATE TABLE "dora_dirty_ranges" (
    "id" BIGSERIAL NOT NULL,
    "service_id" TEXT NOT NULL,
    "from_at" TIMESTAMP(3) NOT NULL,
    "to_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "dora_dirty_ranges_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "dora_deployment_facts_team_id_environment_started_at_idx" ON "dora_deployment_facts"("team_id", "environment", "started_at");

-- CreateIndex
CREATE INDEX "dora_deployment_facts_service_id_environment_started_at_idx" ON "dora_deployment_facts"("service_id", "environment", "started_at");

-- CreateIndex
CREATE INDEX "dora_dirty_ranges_service_id_idx" ON "dora_dirty_ranges"("service_id");

-- AddForeignKey
ALTER TABLE "dora_deployment_facts" ADD CONSTRAINT "dora_deployment_facts_deployment_id_fkey" FOREIGN KEY ("deployment_id") REFERENCES "deployments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Dirty marks. Statement-level triggers with transition tables: one mark per service and statement, however
-- many rows a batch of 1,000 deployments touches. A mark is the range of deployment start times (or incident
-- begin times) that changed; the refresh widens it to everything that range can affect.
CREATE FUNCTION dora_mark_deployments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO dora_dirty_ranges (service_id, from_at, to_at)
      SELECT service_id, min(started_at), max(started_at) FROM new_rows GROUP BY service_id;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO dora_dirty_ranges (service_id, from_at, to_at)
      SELECT service_id, min(started_at), max(started_at) FROM old_rows GROUP BY service_id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER dora_mark_deployments_insert AFTER INSERT ON deployments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dora_mark_deployments();
CREATE TRIGGER dora_mark_deployments_update AFTER UPDATE ON deployments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dora_mark_deployments();
CREATE TRIGGER dora_mark_deployments_delete AFTER DELETE ON deployments
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dora_mark_deployments();

-- A commit changes its deployment's lead times.
CREATE FUNCTION dora_mark_commits() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO dora_dirty_ranges (service_id, from_at, to_at)
      SELECT d.service_id, min(d.started_at), max(d.started_at) FROM new_rows c JOIN deployments d ON d.id = c.deployment_id GROUP BY d.service_id;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO dora_dirty_ranges (service_id, from_at, to_at)
      SELECT d.service_id, min(d.started_at), max(d.started_at) FROM old_rows c JOIN deployments d ON d.id = c.deployment_id GROUP BY d.service_id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER dora_mark_commits_insert AFTER INSERT ON deployment_commits
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dora_mark_commits();
CREATE TRIGGER dora_mark_commits_update AFTER UPDATE ON deployment_commits
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dora_mark_commits();
CREATE TRIGGER dora_mark_commits_delete AFTER DELETE ON deployment_commits
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dora_mark_commits();

-- An explicit link makes its deployment a change failure.
CREATE FUNCTION dora_mark_links() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO dora_dirty_ranges (service_id, from_at, to_at)
      SELECT d.service_id, min(d.started_at), max(d.started_at) FROM new_rows l JOIN deployments d ON d.id = l.deployment_id GROUP BY d.service_id;
  ELSE
    INSERT INTO dora_dirty_ranges (service_id, from_at, to_at)
      SELECT d.service_id, min(d.started_at), max(d.started_at) FROM old_rows l JOIN deployments d ON d.id = l.deployment_id GROUP BY d.service_id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER dora_mark_links_insert AFTER INSERT ON incident_deployment_links
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dora_mark_links();
CREATE TRIGGER dora_mark_links_delete AFTER DELETE ON incident_deployment_links
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dora_mark_links();

-- An incident's services decide which deployments it is attributed to. When the incident itself is gone
-- (a cascade), its begin time is unknown: the whole service is marked.
CREATE FUNCTION dora_mark_incident_services() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO dora_dirty_ranges (service_id, from_at, to_at)
      SELECT s.service_id, coalesce(min(coalesce(i.impact_started_at, i.declared_at)), '-infinity'), coalesce(max(coalesce(i.impact_started_at, i.declared_at)), 'infinity')
      FROM new_rows s LEFT JOIN incidents i ON i.id = s.incident_id GROUP BY s.service_id;
  ELSE
    INSERT INTO dora_dirty_ranges (service_id, from_at, to_at)
      SELECT s.service_id, coalesce(min(coalesce(i.impact_started_at, i.declared_at)), '-infinity'), coalesce(max(coalesce(i.impact_started_at, i.declared_at)), 'infinity')
      FROM old_rows s LEFT JOIN incidents i ON i.id = s.incident_id GROUP BY s.service_id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER dora_mark_incident_services_insert AFTER INSERT ON incident_services
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dora_mark_incident_services();
CREATE TRIGGER dora_mark_incident_services_delete AFTER DELETE ON incident_services
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dora_mark_incident_services();

-- An incident whose begin or restore time changed: its services (attribution, recovery) and its linked
-- deployments (recovery). Other updates (title, status, timeline) mark nothing.
CREATE FUNCTION dora_mark_incidents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH changed AS (
    SELECT n.id, coalesce(o.impact_started_at, o.declared_at) AS old_began, coalesce(n.impact_started_at, n.declared_at) AS new_began
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE coalesce(o.impact_started_at, o.declared_at) IS DISTINCT FROM coalesce(n.impact_started_at, n.declared_at)
       OR coalesce(o.mitigated_at, o.resolved_at) IS DISTINCT FROM coalesce(n.mitigated_at, n.resolved_at)
  )
  INSERT INTO dora_dirty_ranges (service_id, from_at, to_at)
    SELECT s.service_id, min(least(c.old_began, c.new_began)), max(greatest(c.old_began, c.new_began))
    FROM changed c JOIN incident_services s ON s.incident_id = c.id GROUP BY s.service_id
    UNION ALL
    SELECT d.service_id, min(d.started_at), max(d.started_at)
    FROM changed c JOIN incident_deployment_links l ON l.incident_id = c.id JOIN deployments d ON d.id = l.deployment_id GROUP BY d.service_id;
  RETURN NULL;
END $$;

CREATE TRIGGER dora_mark_incidents_update AFTER UPDATE ON incidents
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dora_mark_incidents();

-- Every service with deployments starts dirty: the first refresh computes its facts from scratch.
INSERT INTO dora_dirty_ranges (service_id, from_at, to_at)
  SELECT service_id, '-infinity', 'infinity' FROM deployments GROUP BY service_id;

-- CreateTable
CREATE TABLE "dora_daily_rollups" (
    "service_id" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "team_id" TEXT NOT NULL,
    "deployments" INTEGER NOT NULL,
    "successful" INTEGER NOT NULL,
    "failures" INTEGER NOT NULL,
    "recovered" INTEGER NOT NULL,
    "unrecovered" INTEGER NOT NULL,
    "explicit_reworks" INTEGER NOT NULL,
    "rework_prev_starts" TIMESTAMP(3)[],
    "recovery_seconds" DOUBLE PRECISION[],
    "lead_seconds" DOUBLE PRECISION[],

    CONSTRAINT "dora_daily_rollups_pkey" PRIMARY KEY ("service_id","environment","day")
);

-- CreateIndex
CREATE INDEX "dora_daily_rollups_team_id_environment_day_idx" ON "dora_daily_rollups"("team_id", "environment", "day");

-- CreateTable
CREATE TABLE "dora_team_daily_rollups" (
    "team_id" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "deployments" INTEGER NOT NULL,
    "successful" INTEGER NOT NULL,
    "failures" INTEGER NOT NULL,
    "recovered" INTEGER NOT NULL,
    "unrecovered" INTEGER NOT NULL,
    "explicit_reworks" INTEGER NOT NULL,
    "deployed_service_ids" TEXT[],
    "rework_prev_starts" TIMESTAMP(3)[],
    "recovery_seconds" DOUBLE PRECISION[],
    "lead_seconds" DOUBLE PRECISION[],

    CONSTRAINT "dora_team_daily_rollups_pkey" PRIMARY KEY ("team_id","environment","day")
);
