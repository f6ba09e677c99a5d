import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import { removeDir, storeFiles, tempDir } from "../helpers/cli.js";
import { runInProcess } from "../helpers/run-in-process.js";
import { rejection } from "../helpers/fixtures.js";

/**
 * Every command that reads the journal, run against a journal it cannot use:
 * exit 1, one line on stderr naming the file and the problem, and the file left
 * exactly as it was. Add a row here for each new command that reads the journal.
 */
const ID = "abcd1234";
const DUE = "2099-01-15";
let importFile: string;
const COMMANDS: { name: string; args: () => string[] }[] = [
  {
    name: "log (every flag)",
    args: () => [
      ...["log", "--company", "Acme", "--role", "Analyst", "--stage", "interview", "--ended", "rejected"],
      ...["--reason-given", "We went another way", "--reason", "skills", "--mood", "4", "--emotion", "sad"],
      ...["--date", "2026-01-05", "--tag", "remote", "--note", "A note", "--json"],
    ],
  },
  {
    name: "win (every flag)",
    args: () => [
      ...["win", "--kind", "interview", "--title", "First interview", "--company", "Acme"],
      ...["--date", "2026-01-05", "--tag", "remote", "--note", "A note"],
    ],
  },
  { name: "edit", args: () => ["edit", ID, "--mood", "6", "--note", "changed"] },
  {
    name: "reflect (flags)",
    args: () => [
      ...["reflect", ID, "--mood", "6", "--in-control", "interview", "--thought", "I always freeze"],
      ...["--trap", "overgeneralising", "--balanced", "Once", "--fit", "partly", "--went-well", "Calm"],
      ...["--change", "Practise", "--action", "Practise aloud", "--due", DUE],
    ],
  },
  { name: "next", args: () => ["next"] },
  { name: "next add", args: () => ["next", "add", ID, "Ask", "for", "a", "referral", "--due", DUE] },
  { name: "next done", args: () => ["next", "done", "1"] },
  { name: "feedback (a draft)", args: () => ["feedback", ID, "--kind", "reply", "--contact", "Sam", "--sender", "Al"] },
  { name: "feedback --received", args: () => ["feedback", ID, "--received", "Strong on design"] },
  { name: "list", args: () => ["list"] },
  { name: "show", args: () => ["show", ID] },
  { name: "delete --yes", args: () => ["delete", ID, "--yes"] },
  { name: "export --format md", args: () => ["export", "--format", "md"] },
  { name: "export --format json", args: () => ["export", "--format", "json"] },
  { name: "export --format yaml", args: () => ["export", "--format", "yaml"] },
  { name: "export --format csv", args: () => ["export", "--format", "csv"] },
  { name: "import", args: () => ["import", importFile] },
  { name: "stats", args: () => ["stats"] },
  { name: "doctor", args: () => ["doctor"] },
];

const validEntry = rejection({ id: ID, company: "Acme" });

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
beforeAll(() => {
  const root = tempDir();
  roots.push(root);
  importFile = join(root, "export.json");
  writeFileSync(importFile, JSON.stringify({ version: 1, entries: [rejection({ id: "eeee0001" })] }));
});

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

// Some 160 runs of the CLI, in this process: each takes milliseconds.
describe.each(COMMANDS)("$name on a journal it cannot use", ({ name, args }) => {
  it.for(DAMAGE)(
    "$name: exit 1, one line naming the file and the problem, file untouched",
    async (damage, { expect }) => {
      const { dir, file } = damagedHome(damage.bytes);
      const result = await runInProcess(args(), { dataDir: dir });
      expect(result.code, result.stderr).toBe(1);
      const lines = result.stderr.split("\n").filter(Boolean);
      expect(lines, result.stderr).toHaveLength(1);
      expect(lines[0]).toContain(file);
      // doctor prints its findings; every other command stops before printing any data.
      if (name !== "doctor") expect(result.stdout).toBe("");
      expect(lines[0]).toMatch(damage.problem);
      if (damage.repairable) expect(lines[0]).toContain("rejection-coach doctor --repair");
      else expect(lines[0]).not.toContain("--repair");
      expect(readFileSync(file).equals(damage.bytes), "the file is byte-identical").toBe(true);
      // No backup, temporary copy or lock left beside it.
      expect(storeFiles(dir)).toEqual(["journal.json"]);
    },
  );
});
