import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeDir, runCli, tempDir } from "../helpers/cli.js";
import { rejection } from "../helpers/fixtures.js";

/**
 * Every command that reads the journal, run against a journal it cannot use:
 * exit 1, one line on stderr naming the file and the problem, and the file left
 * exactly as it was. Add a row here for each new command that reads the journal.
 */
const COMMANDS: { name: string; args: string[] }[] = [{ name: "doctor", args: ["doctor"] }];

const validEntry = rejection({ id: "abcd1234", company: "Acme" });

/** Each kind of damage, what the line must say, and whether doctor --repair is offered. */
const DAMAGE: { name: string; bytes: Buffer; problem: RegExp; repairable: boolean }[] = [
  { name: "an empty file", bytes: Buffer.alloc(0), problem: /is empty/, repairable: true },
  {
    name: "truncated JSON",
    bytes: Buffer.from(JSON.stringify({ version: 1, entries: [validEntry] }, null, "\t").slice(0, 200)),
    problem: /is not valid JSON/,
    repairable: true,
  },
  {
    name: "random bytes",
    bytes: Buffer.from([0x00, 0xff, 0x13, 0x8f, 0x7b, 0x22, 0xc3, 0x28, 0x0a, 0xfe, 0x41]),
    problem: /is not valid JSON/,
    repairable: true,
  },
  {
    name: "valid JSON of the wrong shape (a list)",
    bytes: Buffer.from("[1, 2, 3]"),
    problem: /is not a journal/,
    repairable: true,
  },
  {
    name: "valid JSON of the wrong shape (entries is not a list)",
    bytes: Buffer.from(JSON.stringify({ version: 1, entries: { a: 1 } })),
    problem: /has no `entries` list/,
    repairable: true,
  },
  {
    name: "an entry of the wrong shape",
    bytes: Buffer.from(
      JSON.stringify({ version: 1, entries: [validEntry, { ...validEntry, id: "bad00001", mood: "sad" }] }),
    ),
    problem: /entry bad00001: field `mood`/,
    repairable: true,
  },
  {
    name: "a schema version from the future",
    bytes: Buffer.from(JSON.stringify({ version: 99, entries: [validEntry] })),
    problem: /newer rejection-coach \(journal version 99.*upgrade rejection-coach/,
    repairable: false,
  },
];

const roots: string[] = [];
afterAll(() => roots.forEach(removeDir));

function damagedHome(bytes: Buffer): { dir: string; file: string } {
  const root = tempDir();
  roots.push(root);
  const dir = join(root, "home");
  mkdirSync(dir, { mode: 0o700 });
  const file = join(dir, "journal.json");
  writeFileSync(file, bytes, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { dir, file };
}

describe.each(COMMANDS)("$name on a journal it cannot use", ({ args }) => {
  it.each(DAMAGE)("$name: exit 1, one line naming the file and the problem, file untouched", (damage) => {
    const { dir, file } = damagedHome(damage.bytes);
    const result = runCli(args, { dataDir: dir });
    expect(result.code, result.stderr).toBe(1);
    const lines = result.stderr.split("\n").filter(Boolean);
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toMatch(damage.problem);
    if (damage.repairable) expect(lines[0]).toContain("rejection-coach doctor --repair");
    else expect(lines[0]).not.toContain("--repair");
    expect(readFileSync(file).equals(damage.bytes), "the file is byte-identical").toBe(true);
    // No backup, temporary copy or lock left beside it.
    expect(readdirSync(dir)).toEqual(["journal.json"]);
  });
});
