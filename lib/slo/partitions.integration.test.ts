// The monthly partitions of slo_samples, in a schema of their own (maintenance creates and drops partitions,
// which must not touch the shared test schema other files write samples into).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getDb, type Tx } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { listSamplePartitions, maintainSamplePartitions } from "@/lib/slo/partitions.server";
import { monthPartition } from "@/lib/slo/partitions";

const databaseUrl = inject("databaseUrl");
const schema = `partitions_${randomBytes(5).toString("hex")}`;

/** Runs `work` in a transaction whose tables are the test schema's. */
function inSchema<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return getDb().$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL search_path TO "${schema}"`);
    return work(tx);
  }, { timeout: 60_000 });
}

const minute = (iso: string) => `TIMESTAMP '${iso.replace("T", " ").replace("Z", "")}'`;
const whereIs = (tx: Tx, sloId: string) => tx.$queryRawUnsafe<{ partition: string; minute: Date }[]>(`SELECT tableoid::regclass::text AS partition, minute FROM slo_samples WHERE slo_id = '${sloId}' ORDER BY minute`);

beforeAll(async () => {
  await migrate(databaseUrl, { schema });
});

afterAll(async () => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
});

describe("SLI sample partitions", () => {
  it("exist for this month and the next two after migrating, and keep minutes in their month", async () => {
    const now = new Date();
    const names = await inSchema(listSamplePartitions);
    const expected = [0, 1, 2].map((offset) => monthPartition(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1))).name);
    expect(names).toEqual(expect.arrayContaining([...expected, "slo_samples_default"]));
    const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1, 0, 5)).toISOString();
    const stored = await inSchema(async (tx) => {
      await tx.$executeRawUnsafe(`INSERT INTO slo_samples (slo_id, minute, good, total) VALUES ('slo-a', ${minute(at)}, 9, 10)`);
      return whereIs(tx, "slo-a");
    });
    expect(stored.map((row) => row.partition)).toEqual([expected[0]]);
  });

  it("are created ahead by the maintenance job, moving minutes that arrived early out of the default partition", async () => {
    const future = new Date(Date.UTC(2035, 4, 20, 12, 0));
    const result = await inSchema(async (tx) => {
      await tx.$executeRawUnsafe(`INSERT INTO slo_samples (slo_id, minute, good, total) VALUES ('slo-b', ${minute(future.toISOString())}, 1, 1)`);
      expect((await whereIs(tx, "slo-b"))[0].partition).toBe("slo_samples_default");
      // Two months before that month: the job makes it, with the early minute in it.
      return maintainSamplePartitions(tx, new Date(Date.UTC(2035, 2, 3)), { retentionDays: 5_000 });
    });
    expect(result.created).toEqual(["slo_samples_p2035_03", "slo_samples_p2035_04", "slo_samples_p2035_05"]);
    expect(result.moved).toBe(1);
    expect((await inSchema((tx) => whereIs(tx, "slo-b")))[0].partition).toBe("slo_samples_p2035_05");
    // A second run has nothing left to do.
    const again = await inSchema((tx) => maintainSamplePartitions(tx, new Date(Date.UTC(2035, 2, 3)), { retentionDays: 5_000 }));
    expect(again).toEqual({ created: [], dropped: [], moved: 0, prunedRollups: 0 });
  });

  it("past the retention are dropped whole, with the rollups of those months", async () => {
    const { dropped, remaining, rollups } = await inSchema(async (tx) => {
      await tx.$executeRawUnsafe(`INSERT INTO slo_samples (slo_id, minute, good, total) VALUES ('slo-c', ${minute("2035-03-10T00:00:00Z")}, 5, 5), ('slo-c', ${minute("2035-05-10T00:00:00Z")}, 5, 5)`);
      // 31 days before 2035-05-15 is 2035-04-14: March and earlier go, April and May stay.
      const result = await maintainSamplePartitions(tx, new Date(Date.UTC(2035, 4, 15)), { retentionDays: 31 });
      return {
        dropped: result.dropped,
        remaining: await listSamplePartitions(tx),
        rollups: result.prunedRollups,
      };
    });
    expect(dropped).toContain("slo_samples_p2035_03");
    expect(dropped).not.toContain("slo_samples_p2035_04");
    expect(remaining).toEqual(expect.arrayContaining(["slo_samples_p2035_04", "slo_samples_p2035_05", "slo_samples_p2035_06", "slo_samples_p2035_07", "slo_samples_default"]));
    expect(remaining).not.toContain("slo_samples_p2035_03");
    expect(rollups).toBe(0);
    const left = await inSchema((tx) => whereIs(tx, "slo-c"));
    expect(left.map((row) => row.minute.toISOString())).toEqual(["2035-05-10T00:00:00.000Z"]);
  });
});
