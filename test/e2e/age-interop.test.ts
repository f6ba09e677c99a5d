import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as pty from "node-pty";
import stripAnsi from "strip-ansi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptJournal, encryptJournal, journalKind } from "../../src/journal/journal-cipher.js";
import { seedJournal } from "../helpers/journal-fixture.js";
import { removeDir, runCli, tempDir } from "../helpers/cli.js";

/**
 * The encrypted journal is a standard age file: the real `age` tool opens what
 * this build writes, and this build opens what `age -p` writes. age reads a
 * passphrase only from its terminal, so it runs in a pseudo-terminal here.
 *
 * CI installs age (`apt-get install age`); elsewhere these tests are skipped
 * when age is missing.
 */
const AGE = "age";
const ageFound = spawnSync(AGE, ["--version"], { encoding: "utf8" }).status === 0;
if (!ageFound && process.env.CI) throw new Error("the age tool is missing: apt-get install -y age");

const PASS = "tidal quartz morning lantern";

/**
 * Runs age in a pseudo-terminal and types `passphrase` and Enter once for each
 * passphrase prompt, as each appears ("Enter passphrase", then "Confirm
 * passphrase" for `-p`). age turns the terminal's echo off only after printing
 * the prompt, so the typed words may show in the output; they are never lost,
 * because the terminal holds the line until age reads it.
 */
function runAge(args: string[], passphrase: string, cwd: string): Promise<{ exitCode: number; output: string }> {
  return new Promise((resolve) => {
    const child = pty.spawn(AGE, args, { cwd, cols: 200, rows: 24, env: { ...process.env, TERM: "dumb" } });
    let output = "";
    let answered = 0;
    child.onData((data) => {
      output += data;
      const prompts = stripAnsi(output).match(/passphrase[^\n:]*:/gi)?.length ?? 0;
      for (; answered < prompts; answered++) child.write(`${passphrase}\r`);
    });
    child.onExit(({ exitCode }) => resolve({ exitCode, output: stripAnsi(output) }));
  });
}

/** A journal as the store writes it, with text in several scripts. */
function journalBytes(): Uint8Array {
  const entries = Array.from({ length: 120 }, (_, i) => ({
    id: `a${String(i).padStart(7, "0")}`,
    company: i % 2 ? "Initech" : "Zoë & Søn – 東京",
    role: "Platform engineer",
    reflection: { felt: "Disappointed, then calmer ✓", learned: "Ask about the team earlier.\nAnd breathe." },
  }));
  return new TextEncoder().encode(`${JSON.stringify({ version: 2, entries }, null, 2)}\n`);
}

let dir: string;
beforeAll(() => {
  dir = tempDir("rc-age-");
});
afterAll(() => removeDir(dir));

describe.skipIf(!ageFound)("the journal and the age tool", () => {
  it("age -d opens a journal this build encrypted (at the default work factor), to the same bytes", async () => {
    const plain = journalBytes();
    writeFileSync(join(dir, "ours.age"), await encryptJournal(plain, PASS));
    const result = await runAge(["-d", "-o", "ours.json", "ours.age"], PASS, dir);
    expect(result.exitCode, result.output).toBe(0);
    expect(readFileSync(join(dir, "ours.json"))).toEqual(Buffer.from(plain));
  });

  it("age -d says the passphrase is wrong for a wrong one, as this build does", async () => {
    writeFileSync(join(dir, "wrong.age"), await encryptJournal(journalBytes(), PASS, { workFactor: 10 }));
    const result = await runAge(["-d", "-o", "wrong.json", "wrong.age"], "not it", dir);
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain("incorrect passphrase");
  });

  it("this build opens a journal that age -p encrypted (passphrase typed twice)", async () => {
    const plain = journalBytes();
    writeFileSync(join(dir, "theirs.json"), plain);
    const result = await runAge(["-p", "-o", "theirs.age", "theirs.json"], PASS, dir);
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toMatch(/Confirm passphrase/);
    const encrypted = readFileSync(join(dir, "theirs.age"));
    expect(journalKind(encrypted)).toBe("age");
    expect(await decryptJournal(encrypted, PASS)).toEqual(plain);
  });

  it("age -d opens the journal the CLI's encrypt leaves, and the CLI reads one age -p wrote", async () => {
    const home = join(dir, "home");
    const store = await seedJournal(home);
    const plain = readFileSync(store.file);
    const encrypted = runCli(["encrypt"], { dataDir: home, env: { REJECTION_COACH_PASSPHRASE: PASS } });
    expect(encrypted.code, encrypted.stderr).toBe(0);
    const opened = await runAge(["-d", "-o", "opened.json", store.file], PASS, dir);
    expect(opened.exitCode, opened.output).toBe(0);
    expect(readFileSync(join(dir, "opened.json"))).toEqual(plain);

    const sealed = await runAge(["-p", "-o", store.file, "opened.json"], PASS, dir);
    expect(sealed.exitCode, sealed.output).toBe(0);
    const listed = runCli(["list"], { dataDir: home, env: { REJECTION_COACH_PASSPHRASE: PASS } });
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain("Globex");
  });

  it("this build opens an armored file from age -a -p", async () => {
    const plain = journalBytes();
    writeFileSync(join(dir, "armored.json"), plain);
    const result = await runAge(["-a", "-p", "-o", "armored.age", "armored.json"], PASS, dir);
    expect(result.exitCode, result.output).toBe(0);
    const encrypted = readFileSync(join(dir, "armored.age"));
    expect(journalKind(encrypted)).toBe("armored-age");
    expect(await decryptJournal(encrypted, PASS)).toEqual(plain);
  });
});
