// Periodic jobs run in one instance at a time across workers: two workers' lock sessions against the same
// PostgreSQL, the second refused while the first runs the job, free again once it finishes or its
// session ends.
import { afterEach, describe, expect, inject, it } from "vitest";
import { createJobLocks, type JobLocks } from "@/lib/worker/job-lock";

const databaseUrl = inject("databaseUrl");
const opened: JobLocks[] = [];
const locks = () => {
  const made = createJobLocks(databaseUrl);
  opened.push(made);
  return made;
};

afterEach(async () => {
  await Promise.all(opened.splice(0).map((lock) => lock.close()));
});

describe("job locks", () => {
  it("let one worker run a job while another worker's attempt at the same job is skipped", async () => {
    const [one, two] = [locks(), locks()];
    let release!: () => void;
    const started = new Promise<void>((resolve) => {
      void one.run("lock-test", async () => {
        resolve();
        await new Promise<void>((done) => (release = done));
        return "first";
      });
    });
    await started;
    const ranSecond: string[] = [];
    expect(await two.run("lock-test", async () => ranSecond.push("second"))).toBeUndefined();
    expect(ranSecond).toEqual([]);
    // Another job is not held up.
    expect(await two.run("lock-test-other", async () => "other")).toBe("other");
    release();
    await expect.poll(() => two.run("lock-test", async () => "second")).toBe("second");
  });

  it("free the job when the holding worker's session ends", async () => {
    const [one, two] = [locks(), locks()];
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    void one.run("lock-test-crash", () => {
      entered();
      return new Promise(() => undefined);
    });
    await inside;
    expect(await two.run("lock-test-crash", async () => "too early")).toBeUndefined();
    await one.close();
    await expect.poll(() => two.run("lock-test-crash", async () => "taken over")).toBe("taken over");
  });
});
