import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealOf } from "../../src/journal/journal-text.js";
import { JournalStore } from "../../src/journal/store.js";
import { removeDir, runCliAsync, startCli, tempDir } from "../helpers/cli.js";
import { journalForm, secretsIn } from "../helpers/encrypted-folder.js";
import { rejection } from "../helpers/fixtures.js";

/**
 * `encrypt`, `decrypt` and `passphrase` (a change of passphrase) killed with SIGKILL before each step
 * they take in the data folder (kill-at-step.mjs counts the opens, writes,
 * flushes, closes, renames, links and removals, so every point of the write is
 * reached by number, not by timing). After every kill the journal is its old
 * form or its new one, each opened with its own passphrase; encrypting or
 * changing the passphrase leaves no plain text in the folder; and the next
 * command reads every entry.
 */
const KILL_AT_STEP = fileURLToPath(new URL("../helpers/kill-at-step.mjs", import.meta.url));
const OLD = "old horse battery 7";
const NEW = "new staple correct 9";
const COMPANIES = ["Quillfeather Analytics", "Brambleworth Foods", "Ostrander Maritime"];
const NOTES = ["Panel asked about the Halvorsen migration", "Recruiter Ingeborg was kind"];
const SECRETS = [...COMPANIES, ...NOTES];

let root: string;
let plainSeed: { journal: Buffer; seal: Buffer };
let encryptedSeed: { journal: Buffer; seal: Buffer };
let ids: string[];
let count = 0;

beforeAll(async () => {
  root = tempDir("rc-enc-crash-");
  const seedDir = join(root, "seed");
  await new JournalStore(seedDir).update((journal) => {
    COMPANIES.forEach((company, i) => journal.entries.push(rejection({ company, note: NOTES[i] })));
  });
  plainSeed = read(seedDir);
  ids = (await journalForm(plainSeed.journal, [])).journal.entries.map((entry) => entry.id);
  // Encrypted by the CLI itself, at the default work factor, as a person's journal is.
  const encrypted = await runCliAsync(["encrypt"], { dataDir: seedDir, env: { REJECTION_COACH_PASSPHRASE: OLD } });
  expect(encrypted.code, encrypted.stderr).toBe(0);
  encryptedSeed = read(seedDir);
}, 60_000);
afterAll(() => removeDir(root));

function read(dir: string): { journal: Buffer; seal: Buffer } {
  return { journal: readFileSync(join(dir, "journal.json")), seal: readFileSync(join(dir, "journal.json.checked")) };
}

function home(seed: { journal: Buffer; seal: Buffer }): string {
  const dir = join(root, `home-${++count}`);
  mkdirSync(dir, { mode: 0o700 });
  writeFileSync(join(dir, "journal.json"), seed.journal, { mode: 0o600 });
  writeFileSync(join(dir, "journal.json.checked"), seed.seal, { mode: 0o600 });
  return dir;
}

interface Case {
  command: string[];
  env: NodeJS.ProcessEnv;
  seed: () => { journal: Buffer; seal: Buffer };
  /** The journal's form before and after: "plain" or the passphrase that opens it. */
  from: string;
  to: string;
  /** Whether plain text may be on disk once the command ran (decrypt's result is plain by design). */
  plainAllowed: boolean;
}

const CASES: Record<string, Case> = {
  encrypt: {
    command: ["encrypt"],
    env: { REJECTION_COACH_PASSPHRASE: NEW },
    seed: () => plainSeed,
    from: "plain",
    to: NEW,
    plainAllowed: false,
  },
  decrypt: {
    command: ["decrypt"],
    env: { REJECTION_COACH_PASSPHRASE: OLD },
    seed: () => encryptedSeed,
    from: OLD,
    to: "plain",
    plainAllowed: true,
  },
  passphrase: {
    command: ["passphrase"],
    env: { REJECTION_COACH_PASSPHRASE: OLD, REJECTION_COACH_NEW_PASSPHRASE: NEW },
    seed: () => encryptedSeed,
    from: OLD,
    to: NEW,
    plainAllowed: false,
  },
};

const run = (dir: string, { command, env }: Case, kill: NodeJS.ProcessEnv) =>
  startCli(command, {
    dataDir: dir,
    env: { ...env, KILL_STEP_DIR: dir, REJECTION_COACH_LOCK_WAIT: "60", ...kill },
    nodeOptions: ["--import", KILL_AT_STEP],
  }).done;

/** The steps the command takes in the data folder when nothing stops it. */
async function stepsOf(which: Case): Promise<string[]> {
  const dir = home(which.seed());
  const trace = join(root, `trace-${count}`);
  const done = await run(dir, which, { KILL_STEP_TRACE: trace });
  expect(done.code, done.stderr).toBe(0);
  expect((await journalForm(readFileSync(join(dir, "journal.json")), [OLD, NEW])).form).toBe(which.to);
  return readFileSync(trace, "utf8").trim().split("\n");
}

/** Kills the command before each of its steps in turn and checks what it leaves. */
async function killAtEveryStep(which: Case): Promise<void> {
  const steps = await stepsOf(which);
  const seedForm = await journalForm(which.seed().journal, [OLD, NEW]);
  expect(seedForm.form).toBe(which.from);
  // The journal is replaced somewhere in the middle, so kills land on both sides of it.
  expect(steps.some((step) => / renameSync journal\.json$/.test(step))).toBe(true);
  const seen = new Set<string>();
  for (const [i, step] of steps.entries()) {
    const context = `killed before step ${step} of ${steps.length}`;
    const dir = home(which.seed());
    const killed = await run(dir, which, { KILL_AT_STEP: String(i + 1) });
    expect(killed.signal, `${context}: ${killed.stderr}`).toBe("SIGKILL");

    const bytes = readFileSync(join(dir, "journal.json"));
    // The seed's own bytes are its old form, checked once in stepsOf: no key to derive again.
    const found = bytes.equals(which.seed().journal)
      ? seedForm
      : await journalForm(bytes, [OLD, NEW]).catch((error: Error) => {
          throw new Error(`${context}: ${error.message}`);
        });
    expect([which.from, which.to], context).toContain(found.form);
    seen.add(found.form);
    expect(
      found.journal.entries.map((entry) => entry.id),
      context,
    ).toEqual(ids);

    if (found.form !== "plain") {
      // No hash of the plain bytes beside the ciphertext: it would confirm a guess at the contents.
      const seal = (() => {
        try {
          return readFileSync(join(dir, "journal.json.checked"), "utf8");
        } catch {
          return undefined;
        }
      })();
      expect(seal, `${context}: the seal is the hash of the plain journal`).not.toBe(sealOf(found.plain));
    }
    if (!which.plainAllowed) {
      // The old plain journal is the journal itself until it is replaced; no other file holds its text.
      const skip = (file: string) => found.form === "plain" && file === "journal.json";
      expect(secretsIn(dir, SECRETS, skip), `${context}: plain text in the data folder`).toEqual([]);
    }

    const env = found.form === "plain" ? {} : { REJECTION_COACH_PASSPHRASE: found.form };
    const list = await runCliAsync(["list", "--json"], { dataDir: dir, env });
    expect(list.code, `${context}: ${list.stderr}`).toBe(0);
    const listed = (JSON.parse(list.stdout) as { id: string }[]).map((entry) => entry.id);
    expect(listed.sort(), context).toEqual([...ids].sort());
    removeDir(dir);
  }
  // Some kills came before the journal was replaced and some after.
  expect([...seen].sort()).toEqual([which.from, which.to].sort());
}

describe("SIGKILL at every step of switching an encrypted journal", () => {
  it("encrypt: the journal is plain or encrypted with the new passphrase, and no plain text is left beside it", async () => {
    await killAtEveryStep(CASES.encrypt!);
  }, 600_000);

  it("passphrase: the journal opens with the old passphrase or the new one, and no plain text is left", async () => {
    await killAtEveryStep(CASES.passphrase!);
  }, 600_000);

  it("decrypt: the journal is encrypted with its passphrase or plain, and readable either way", async () => {
    await killAtEveryStep(CASES.decrypt!);
  }, 600_000);
});
