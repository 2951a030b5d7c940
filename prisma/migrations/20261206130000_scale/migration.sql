-- AlterTable
ALTER TABLE "meetings" ADD COLUMN     "presenter_id" TEXT,
ADD COLUMN     "presenter_since" TIMESTAMP(3);

-- AddForeignKey
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_presenter_id_fkey" FOREIGN KEY ("presenter_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- SLI samples partitioned by month (docs/decisions/019). Prisma cannot express partitioning: the table keeps
-- its name, columns and primary key, so schema.prisma and every query stay as they were. Monthly partitions
-- are named slo_samples_pYYYY_MM; the worker creates them ahead and drops those past the retention
-- (lib/slo/partitions.server.ts). A minute no partition covers yet lands in slo_samples_default, from which
-- the worker moves it when it creates that month.
ALTER TABLE "slo_samples" RENAME TO "slo_samples_unpartitioned";
ALTER TABLE "slo_samples_unpartitioned" RENAME CONSTRAINT "slo_samples_pkey" TO "slo_samples_unpartitioned_pkey";

CREATE TABLE "slo_samples" (
    "slo_id" TEXT NOT NULL,
    "minute" TIMESTAMP(3) NOT NULL,
    "good" BIGINT NOT NULL,
    "total" BIGINT NOT NULL,

    CONSTRAINT "slo_samples_pkey" PRIMARY KEY ("slo_id","minute")
) PARTITION BY RANGE ("minute");

CREATE TABLE "slo_samples_default" PARTITION OF "slo_samples" DEFAULT;

-- One partition per month from the oldest stored minute to two months ahead (UTC, as the minutes are stored).
DO $$
DECLARE
    month date;
    last_month date := (date_trunc('month', now() AT TIME ZONE 'UTC') + interval '2 months')::date;
BEGIN
    SELECT date_trunc('month', coalesce(min("minute"), now() AT TIME ZONE 'UTC'))::date INTO month FROM "slo_samples_unpartitioned";
    WHILE month <= last_month LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF "slo_samples" FOR VALUES FROM (%L) TO (%L)',
            'slo_samples_p' || to_char(month, 'YYYY_MM'), month::timestamp, (month + interval '1 month')::timestamp);
        month := (month + interval '1 month')::date;
    END LOOP;
END;
$$;

INSERT INTO "slo_samples" ("slo_id", "minute", "good", "total") SELECT "slo_id", "minute", "good", "total" FROM "slo_samples_unpartitioned";
DROP TABLE "slo_samples_unpartitioned";

-- Live updates (docs/decisions/019): each committed change that a live page shows is announced on the
-- portal_live channel as "<kind>:<id> <part>[ <row id>]". NOTIFY is transactional: a rolled-back change
-- announces nothing, and a transaction's identical announcements are sent once. Each web replica LISTENs
-- once and pushes the change to its viewers (lib/live/hub.server.ts).
-- Arguments: the topic kind, the column naming the subject, the part, and optionally the column naming the row.
CREATE FUNCTION "portal_live_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
BEGIN
    PERFORM pg_notify('portal_live', TG_ARGV[0] || ':' || (changed ->> TG_ARGV[1]) || ' ' || TG_ARGV[2]
        || CASE WHEN TG_NARGS > 3 THEN ' ' || (changed ->> TG_ARGV[3]) ELSE '' END);
    RETURN NULL;
END;
$$;

CREATE TRIGGER "incident_events_live" AFTER INSERT OR UPDATE ON "incident_events" FOR EACH ROW EXECUTE FUNCTION "portal_live_notify"('incident', 'incident_id', 'timeline', 'id');
CREATE TRIGGER "incidents_live" AFTER UPDATE ON "incidents" FOR EACH ROW EXECUTE FUNCTION "portal_live_notify"('incident', 'id', 'detail');
CREATE TRIGGER "incident_role_assignments_live" AFTER INSERT OR UPDATE OR DELETE ON "incident_role_assignments" FOR EACH ROW EXECUTE FUNCTION "portal_live_notify"('incident', 'incident_id', 'detail');
CREATE TRIGGER "incident_services_live" AFTER INSERT OR UPDATE OR DELETE ON "incident_services" FOR EACH ROW EXECUTE FUNCTION "portal_live_notify"('incident', 'incident_id', 'detail');
CREATE TRIGGER "incident_alerts_live" AFTER INSERT OR UPDATE ON "incident_alerts" FOR EACH ROW EXECUTE FUNCTION "portal_live_notify"('incident', 'incident_id', 'detail');
CREATE TRIGGER "meetings_live" AFTER UPDATE ON "meetings" FOR EACH ROW EXECUTE FUNCTION "portal_live_notify"('meeting', 'id', 'state');
CREATE TRIGGER "agenda_items_live" AFTER INSERT OR UPDATE OR DELETE ON "agenda_items" FOR EACH ROW EXECUTE FUNCTION "portal_live_notify"('meeting', 'meeting_id', 'state');
CREATE TRIGGER "meeting_action_items_live" AFTER INSERT OR UPDATE OR DELETE ON "meeting_action_items" FOR EACH ROW EXECUTE FUNCTION "portal_live_notify"('meeting', 'meeting_id', 'state');
-- Not on every draft autosave: only what a viewer of the request sees change.
CREATE TRIGGER "requests_live" AFTER UPDATE ON "requests" FOR EACH ROW
    WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."current_revision" IS DISTINCT FROM NEW."current_revision"
          OR OLD."title" IS DISTINCT FROM NEW."title" OR OLD."draft_base_revision" IS DISTINCT FROM NEW."draft_base_revision")
    EXECUTE FUNCTION "portal_live_notify"('request', 'id', 'detail');
CREATE TRIGGER "request_comments_live" AFTER INSERT OR UPDATE OR DELETE ON "request_comments" FOR EACH ROW EXECUTE FUNCTION "portal_live_notify"('request', 'request_id', 'comments');
CREATE TRIGGER "request_approvals_live" AFTER INSERT OR UPDATE OR DELETE ON "request_approvals" FOR EACH ROW EXECUTE FUNCTION "portal_live_notify"('request', 'request_id', 'approvals');
