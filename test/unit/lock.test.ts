import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  acquireLock,
  FOREIGN_LOCK_LIMIT_MS,
  inspectLock,
  LockBlockedError,
  LockTimeoutError,
} from "../../src/journal/lock.js";
import { removeDir, tempDir } from "../helpers/cli.js";

let dir: string;
let path: string;
beforeEach(() => {
  dir = tempDir();
  path = join(dir, "journal.json.lock");
});
afterEach(() => removeDir(dir));

/** A pid that no process has now. */
const deadPid = () => spawnSync(process.execPath, ["-e", "0"]).pid!;
const holderFile = (fields: Record<string, unknown>) =>
  writeFileSync(path, JSON.stringify({ host: hostname(), since: new Date().toISOString(), token: "t0", ...fields }));

describe("the journal lock", () => {
  it("records who holds it, and is removed on release", async () => {
    const lock = await acquireLock(path);
    const recorded = JSON.parse(readFileSync(path, "utf8"));
    expect(recorded).toMatchObject({ pid: process.pid, host: hostname(), token: lock.holder.token });
    expect(() => lock.assertHeld()).not.toThrow();
    lock.release();
    expect(existsSync(path)).toBe(false);
  });

  it("is never taken from a live holder, however old its lock file is: the waiter gives up and says who holds it", async () => {
    // A live process that is not this one: a child that waits to be killed.
    const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"]);
    try {
      holderFile({ pid: child.pid, since: "2026-11-29T08:00:00.000Z" });
      const longAgo = new Date(Date.now() - 3_600_000);
      utimesSync(path, longAgo, longAgo);
      const error = await acquireLock(path, { waitMs: 300 }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(LockTimeoutError);
      expect((error as LockTimeoutError).lock).toMatchObject({
        state: "held",
        liveness: "alive",
        holder: { pid: child.pid, since: "2026-11-29T08:00:00.000Z" },
      });
      expect(JSON.parse(readFileSync(path, "utf8")).pid).toBe(child.pid);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("tells the waiter once, with the holder, when it has to wait", async () => {
    const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"]);
    try {
      holderFile({ pid: child.pid });
      const told: unknown[] = [];
      let clock = 0;
      // A clock that moves 100 ms per look, so the wait is measured in looks, not in real time.
      const now = () => (clock += 100);
      await acquireLock(path, { waitMs: 3_000, onWait: (state) => told.push(state), now }).catch(() => undefined);
      expect(told).toEqual([
        expect.objectContaining({ state: "held", holder: expect.objectContaining({ pid: child.pid }) }),
      ]);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("takes over at once from a holder that has ended", async () => {
    holderFile({ pid: deadPid() });
    const lock = await acquireLock(path, { waitMs: 0 });
    expect(JSON.parse(readFileSync(path, "utf8")).token).toBe(lock.holder.token);
    lock.release();
  });

  it("takes over from a reused pid: same pid, another process start", async () => {
    const ticks = Number(readFileSync(`/proc/${process.pid}/stat`, "utf8").split(") ")[1]!.split(" ")[19]);
    holderFile({ pid: process.pid, startTicks: ticks + 1 });
    expect(inspectLock(path)).toMatchObject({ state: "held", liveness: "dead", abandoned: true });
    holderFile({ pid: process.pid, startTicks: ticks });
    expect(inspectLock(path)).toMatchObject({ state: "held", liveness: "alive", abandoned: false });
  });

  it("respects a lock from another machine until the documented limit", () => {
    holderFile({ pid: 1, host: "another-machine", since: new Date().toISOString() });
    expect(inspectLock(path)).toMatchObject({ liveness: "unknown", abandoned: false });
    holderFile({
      pid: 1,
      host: "another-machine",
      since: new Date(Date.now() - FOREIGN_LOCK_LIMIT_MS - 1).toISOString(),
    });
    expect(inspectLock(path)).toMatchObject({ liveness: "unknown", abandoned: true });
  });

  it("does not wait for good on a lock file it cannot read, even one dated in the future", async () => {
    writeFileSync(path, "not a lock");
    expect(inspectLock(path)).toMatchObject({ state: "unreadable", abandoned: false });
    const future = new Date(Date.now() + 86_400_000);
    utimesSync(path, future, future);
    expect(inspectLock(path)).toMatchObject({ state: "unreadable", abandoned: true });
    (await acquireLock(path, { waitMs: 0 })).release();
  });

  it("refuses, with a reason, a folder with files in it where the lock goes", async () => {
    mkdirSync(join(path, "something"), { recursive: true });
    await expect(acquireLock(path, { waitMs: 0 })).rejects.toBeInstanceOf(LockBlockedError);
    expect(existsSync(join(path, "something"))).toBe(true);
  });

  it("a holder whose lock was taken from it knows before it writes, and never removes the new holder's lock", async () => {
    const first = await acquireLock(path);
    // As if a waiter had (wrongly) judged the first holder gone and taken the lock.
    holderFile({ pid: process.pid, token: "someone-else" });
    expect(() => first.assertHeld()).toThrow(/taken over/);
    first.release();
    expect(JSON.parse(readFileSync(path, "utf8")).token).toBe("someone-else");
  });

  it("gives the lock to exactly one of many waiters when its holder has ended", async () => {
    holderFile({ pid: deadPid() });
    const order: string[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const lock = await acquireLock(path, { waitMs: 20_000 });
        order.push(`in ${i}`);
        await new Promise((resolve) => setImmediate(resolve));
        order.push(`out ${i}`);
        lock.release();
      }),
    );
    // In and out alternate: no two waiters held it at once.
    for (let i = 0; i < order.length; i += 2) {
      expect(order[i]!.replace("in", "out")).toBe(order[i + 1]);
    }
  });
});

describe("locks in odd states", () => {
  it("respects another machine's lock whose clock runs a little ahead (a `since` in the future)", () => {
    holderFile({ pid: 1, host: "another-machine", since: new Date(Date.now() + 60_000).toISOString() });
    expect(inspectLock(path)).toMatchObject({ liveness: "unknown", abandoned: false });
    holderFile({
      pid: 1,
      host: "another-machine",
      since: new Date(Date.now() + FOREIGN_LOCK_LIMIT_MS + 1).toISOString(),
    });
    expect(inspectLock(path)).toMatchObject({ abandoned: true });
  });

  it("a FIFO where the lock goes blocks saves with a reason, and is never read (which would hang)", async () => {
    execFileSync("mkfifo", [path]);
    expect(inspectLock(path)).toMatchObject({ state: "folder", empty: false, abandoned: false });
    await expect(acquireLock(path, { waitMs: 0 })).rejects.toBeInstanceOf(LockBlockedError);
  });

  it("is written readable by others, so another user's process sees a live holder instead of an unreadable file", async () => {
    const lock = await acquireLock(path);
    try {
      expect(statSync(path).mode & 0o044).toBe(0o044);
    } finally {
      lock.release();
    }
  });
});
