import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { journalKind } from "../../src/journal/journal-cipher.js";
import { JournalStore } from "../../src/journal/store.js";
import { removeDir, runCliAsync, startCli, storeFiles, tempDir, type RunningCli } from "../helpers/cli.js";
import { journalForm, secretsIn } from "../helpers/encrypted-folder.js";
import { rejection } from "../helpers/fixtures.js";

/**
 * Twenty processes writing one encrypted journal at once, through the built CLI
 * with the passphrase in REJECTION_COACH_PASSPHRASE and the real work factor
 * (each save derives a key: about 0.2 s of scrypt). Every writer that exited 0
 * has its entry, the journal stays encrypted and valid, and nothing in the data
 * folder holds plain text. Readers running meanwhile always read it whole.
 */
const PASS = "twenty writers one secret";
const WRITERS = 20;
const SEEDED = 300;
/** Generous: the test is about every save landing, not how fast; no writer may give up waiting. */
const PATIENT = { REJECTION_COACH_LOCK_WAIT: "600", REJECTION_COACH_PASSPHRASE: PASS };
const company = (i: number) => `Encrypted Parallel Zephyrine ${i}`;
const note = (i: number) => `Writer ${i} remembers the Thistlewood panel`;

let root: string;
let dir: string;

beforeAll(async () => {
  root = tempDir("rc-enc-conc-");
  dir = join(root, "home");
  await new JournalStore(dir).update((journal) => {
    for (let i = 0; i < SEEDED; i++) {
      journal.entries.push(rejection({ company: `Seeded Marrowby ${i}`, note: "An evening note ".repeat(20) }));
    }
  });
  const encrypted = await runCliAsync(["encrypt"], { dataDir: dir, env: { REJECTION_COACH_PASSPHRASE: PASS } });
  expect(encrypted.code, encrypted.stderr).toBe(0);
}, 60_000);
afterAll(() => removeDir(root));

const log = (i: number): RunningCli =>
  startCli(
    [
      ...["log", "--company", company(i), "--role", "Engineer", "--stage", "interview", "--ended", "rejected"],
      ...["--mood", "4", "--note", note(i), "--json", "--allow-duplicate"],
    ],
    { dataDir: dir, env: PATIENT },
  );

describe("many writers at once on an encrypted journal", () => {
  it("20 logs: every one that exited 0 has its entry; the journal stays encrypted, valid and private", async () => {
    const writers = Array.from({ length: WRITERS }, (_, i) => log(i));
    // Readers meanwhile take no lock: each sees the journal before or after some save, whole.
    const readers = Array.from({ length: 4 }, () =>
      runCliAsync(["list", "--json"], { dataDir: dir, env: { REJECTION_COACH_PASSPHRASE: PASS } }),
    );
    const results = await Promise.all(writers.map((writer) => writer.done));
    for (const reader of await Promise.all(readers)) {
      expect(reader.code, reader.stderr).toBe(0);
      expect((JSON.parse(reader.stdout) as unknown[]).length).toBeGreaterThanOrEqual(SEEDED);
    }

    const bytes = readFileSync(join(dir, "journal.json"));
    expect(bytes.subarray(0, 21).toString("latin1")).toBe("age-encryption.org/v1");
    expect(journalKind(bytes)).toBe("age");
    const { journal } = await journalForm(bytes, [PASS]);
    const byId = new Map(journal.entries.map((entry) => [entry.id, entry]));

    results.forEach((result, i) => {
      // With ten minutes to wait, none gives up; if one did, it would have to say so and exit 1.
      expect(result.code, `writer ${i}: ${result.stderr}`).toBe(0);
      const saved = byId.get((JSON.parse(result.stdout) as { id: string }).id);
      expect(saved, `writer ${i}'s entry`).toMatchObject({ company: company(i), note: note(i) });
    });
    expect(journal.entries).toHaveLength(SEEDED + WRITERS);

    // The lock released, no temporary copy left, owner-only.
    expect(storeFiles(dir)).toEqual(["journal.json"]);
    expect(existsSync(join(dir, "journal.json.lock"))).toBe(false);
    expect(statSync(join(dir, "journal.json")).mode & 0o777).toBe(0o600);
    const secrets = [...Array.from({ length: WRITERS }, (_, i) => [company(i), note(i)]).flat(), "Seeded Marrowby"];
    expect(secretsIn(dir, secrets)).toEqual([]);

    // The CLI reads it back too, and `doctor` finds it healthy.
    const doctor = await runCliAsync(["doctor"], { dataDir: dir, env: { REJECTION_COACH_PASSPHRASE: PASS } });
    expect(doctor.code, doctor.stdout + doctor.stderr).toBe(0);
  }, 300_000);
});
