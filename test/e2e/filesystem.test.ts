import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleScript } from "../helpers/bundle.js";
import { BIN, cliEnv, removeDir, tempDir } from "../helpers/cli.js";
import { rejection } from "../helpers/fixtures.js";

/**
 * The file system saying no: a read-only folder, a folder the user may not
 * write, a full disk, a missing parent, a data path that is a file. Each must
 * give one clear line, change nothing and leave no partial file behind.
 *
 * The tests run as root in CI, and chmod does not stop root. So a read-only
 * folder is a real read-only bind mount and a full disk a real small tmpfs, both
 * inside `unshare -rm` (a user and mount namespace: needs no privileges and
 * leaves the host's mounts alone); "permission denied" runs the child as
 * `nobody` through setpriv when we are root, and plain chmod does it otherwise.
 */

const canUnshare = spawnSync("unshare", ["-rm", "sh", "-c", "mount -t tmpfs tmpfs /mnt"]).status === 0;
const isRoot = process.getuid?.() === 0;
const canDropPrivileges =
  !isRoot || spawnSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "true"]).status === 0;
const NOBODY = 65534;

let writer: string;
let importFile: string;
const roots: string[] = [];
beforeAll(async () => {
  writer = await bundleScript("test/helpers/store-writer.ts");
  // `nobody` must be able to run it, and read the file to import.
  chmodSync(dirname(writer), 0o755);
  importFile = join(dirname(writer), "import.json");
  writeFileSync(importFile, JSON.stringify({ version: 1, entries: [rejection({ id: "eeee0001" })] }));
  chmodSync(importFile, 0o644);
});
afterAll(() => {
  for (const root of roots) removeDir(root);
  removeDir(dirname(writer));
});

/**
 * What writes the journal, each run the same way. Add a row for each command
 * that saves (log, win, reflect, import, ...).
 */
const cli =
  (...args: string[]) =>
  (dir: string) => [BIN, "--data", dir, ...args];
const WRITERS: { name: string; args: (dir: string) => string[] }[] = [
  { name: "a store append", args: (dir) => [writer, dir, "1"] },
  { name: "doctor --repair", args: cli("doctor", "--repair") },
  {
    name: "log",
    args: cli(
      "log",
      "--company",
      "Acme",
      "--role",
      "Analyst",
      "--stage",
      "final",
      "--ended",
      "rejected",
      "--mood",
      "4",
    ),
  },
  { name: "win", args: cli("win", "--kind", "skill", "--title", "Finished the SQL course") },
  { name: "reflect", args: cli("reflect", "aaaa0001", "--mood", "6", "--action", "Practise aloud") },
  { name: "import", args: (dir) => cli("import", importFile)(dir) },
  { name: "edit", args: cli("edit", "aaaa0001", "--mood", "7") },
  { name: "delete --yes", args: cli("delete", "aaaa0001", "--yes") },
  { name: "next add", args: cli("next", "add", "aaaa0001", "Practise", "aloud") },
];

/** A temp root that `nobody` may pass through, with a data folder path inside. */
function newRoot(): string {
  const root = tempDir();
  roots.push(root);
  chmodSync(root, 0o755);
  return root;
}

/** The data folder with a journal in it; damaged when the writer is doctor --repair, so it has work to do. */
function journalHome(root: string, writerName: string): { dir: string; file: string; bytes: Buffer } {
  const dir = join(root, "home");
  mkdirSync(dir, { mode: 0o700 });
  const file = join(dir, "journal.json");
  const journal = JSON.stringify({ version: 1, entries: [rejection({ id: "aaaa0001" })] }, undefined, "\t");
  const bytes = Buffer.from(writerName === "doctor --repair" ? journal.slice(0, -10) : journal);
  writeFileSync(file, bytes, { mode: 0o600 });
  return { dir, file, bytes };
}

function run(command: string[], dataDir: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command[0]!, command.slice(1), { env: cliEnv(dataDir), encoding: "utf8", timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under `root` with its size: to show nothing was added, removed or half-written. */
function listing(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const stats = statSync(path);
      if (stats.isDirectory()) walk(path);
      out.push(`${relative(root, path)} ${stats.isDirectory() ? "dir" : stats.size}`);
    }
  };
  walk(root);
  return out;
}

function expectOneLine(stderr: string, ...parts: (string | RegExp)[]): void {
  const lines = stderr.split("\n").filter(Boolean);
  expect(lines, stderr).toHaveLength(1);
  for (const part of parts) expect(lines[0]).toMatch(part);
}

describe.each(WRITERS)("$name", ({ name, args }) => {
  it.skipIf(!canUnshare)("in a read-only folder (a read-only bind mount): one clear line, nothing changed", () => {
    const root = newRoot();
    const { dir, file, bytes } = journalHome(root, name);
    const before = listing(root);
    const script = 'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" && shift && exec "$@"';
    const result = run(["unshare", "-rm", "sh", "-c", script, "sh", dir, process.execPath, ...args(dir)], dir);
    expect(result.code, result.stderr).toBe(1);
    expectOneLine(result.stderr, file, /read-only/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(listing(root)).toEqual(before);
  });

  it.skipIf(!canDropPrivileges)("in a folder the user may not write: one clear line, nothing changed", () => {
    const root = newRoot();
    const { dir, file, bytes } = journalHome(root, name);
    if (isRoot) {
      chownSync(dir, NOBODY, NOBODY);
      chownSync(file, NOBODY, NOBODY);
    }
    chmodSync(dir, 0o500);
    const before = listing(root);
    const prefix = isRoot ? ["setpriv", `--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups"] : [];
    const result = run([...prefix, process.execPath, ...args(dir)], dir);
    chmodSync(dir, 0o700);
    expect(result.code, result.stderr).toBe(1);
    expectOneLine(result.stderr, file, /permission denied/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(listing(root)).toEqual(before);
  });

  it.skipIf(!canUnshare)("on a full disk (a small tmpfs): one clear line, the journal as it was, no temp file", () => {
    const root = newRoot();
    const stage = join(root, "stage.json");
    // Big enough that a second copy (the atomic write's temp file) does not fit.
    const notes = Array.from({ length: 40 }, (_, i) =>
      rejection({ id: i === 0 ? "aaaa0001" : `f${String(i).padStart(7, "0")}`, note: "x".repeat(1000) }),
    );
    const bytes = Buffer.from(
      JSON.stringify({ version: 1, entries: notes }, undefined, "\t").slice(
        0,
        name === "doctor --repair" ? -10 : undefined,
      ),
    );
    writeFileSync(stage, bytes);
    const dir = join(root, "home");
    mkdirSync(dir);
    const script = [
      'mount -t tmpfs -o size=64k,mode=0700 tmpfs "$1"',
      'cp "$2" "$1/journal.json" && chmod 600 "$1/journal.json"',
      'shift 2; "$@"; echo "exit=$?"',
      'cd "$OLDPWD"; ls -A "$HOME_DIR"',
      'cmp -s "$STAGE" "$HOME_DIR/journal.json" && echo "journal unchanged"',
    ].join("\n");
    const result = spawnSync("unshare", ["-rm", "sh", "-c", script, "sh", dir, stage, process.execPath, ...args(dir)], {
      env: { ...cliEnv(dir), HOME_DIR: dir, STAGE: stage },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.stdout, result.stderr).toContain("exit=1");
    expectOneLine(result.stderr, join(dir, "journal.json"), /disk is full/);
    expect(result.stdout).toContain("journal unchanged");
    const files = result.stdout.split("\n").filter((line) => line.startsWith("journal.json"));
    expect(files, "no temp file, backup or lock left on the full disk").toEqual(["journal.json"]);
  });
});

describe("where the journal goes", () => {
  const store = WRITERS[0]!;

  it("a missing parent folder is created, private (0700), even with a permissive umask", () => {
    const root = newRoot();
    const dir = join(root, "a", "b", "home");
    const result = run(["sh", "-c", 'umask 000; exec "$@"', "sh", process.execPath, ...store.args(dir)], dir);
    expect(result.code, result.stderr).toBe(0);
    for (const folder of [join(root, "a"), join(root, "a", "b"), dir]) {
      expect(statSync(folder).mode & 0o777, folder).toBe(0o700);
    }
    expect(statSync(join(dir, "journal.json")).mode & 0o777).toBe(0o600);
  });

  it.each([
    ["a data path that is a file", (root: string) => join(root, "home"), /is a file, not a folder/],
    ["a data path under a file", (root: string) => join(root, "home", "inner"), /a part of the path is a file/],
  ])("%s: one clear line, the file untouched, nothing created", (_, pathOf, problem) => {
    for (const command of [...WRITERS.map((row) => row.args), (dir: string) => [BIN, "--data", dir, "doctor"]]) {
      const root = newRoot();
      writeFileSync(join(root, "home"), "my notes, not a journal");
      const dir = pathOf(root);
      const before = listing(root);
      const result = run([process.execPath, ...command(dir)], dir);
      expect(result.code, `${command(dir).join(" ")}: ${result.stderr}`).toBe(1);
      expectOneLine(result.stderr, problem);
      expect(readFileSync(join(root, "home"), "utf8")).toBe("my notes, not a journal");
      expect(listing(root)).toEqual(before);
    }
  });

  it.skipIf(!canDropPrivileges)("a folder the user may not open is an error, not an empty journal", () => {
    const root = newRoot();
    const { dir, file } = journalHome(root, "store");
    chmodSync(dir, 0o000);
    const prefix = isRoot ? ["setpriv", `--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups"] : [];
    const append = run([...prefix, process.execPath, ...store.args(dir)], dir);
    const doctor = run([...prefix, process.execPath, BIN, "--data", dir, "doctor"], dir);
    chmodSync(dir, 0o700);
    expect(append.code).toBe(1);
    expectOneLine(append.stderr, file, /permission denied/);
    expect(doctor.code).toBe(1);
    expectOneLine(doctor.stderr, /cannot be opened \(permission denied\)/);
  });
});

describe("export into a folder that says no", () => {
  /** A journal of about 90 KB, so its export does not fit in a 64 KB tmpfs. */
  function bigJournal(): string {
    const dir = join(newRoot(), "home");
    mkdirSync(dir, { mode: 0o700 });
    const entries = Array.from({ length: 60 }, (_, i) =>
      rejection({ id: `b${String(i).padStart(7, "0")}`, note: "y".repeat(1500) }),
    );
    writeFileSync(join(dir, "journal.json"), JSON.stringify({ version: 1, entries }), { mode: 0o600 });
    return dir;
  }

  it.skipIf(!canUnshare).each([
    ["--output", (out: string) => ["--format", "json", "--output", join(out, "backup.json")]],
    ["--per-file", (out: string) => ["--format", "md", "--per-file", join(out, "notes")]],
  ])("export %s on a full disk: one clear line, an earlier file kept whole, no cut-short copy", (_, flags) => {
    const dir = bigJournal();
    const out = join(dirname(dir), "out");
    mkdirSync(out);
    // An earlier backup that must survive a failed export over it.
    const script = [
      'mount -t tmpfs -o size=64k tmpfs "$1"',
      'echo "earlier backup" > "$1/backup.json"',
      'shift; "$@"; echo "exit=$?"',
      'cat "$OUT/backup.json"',
      'find "$OUT" -type f -size +0 -newer "$OUT/backup.json" | wc -l | sed "s/^/newer=/"',
    ].join("\n");
    const result = spawnSync(
      "unshare",
      ["-rm", "sh", "-c", script, "sh", out, process.execPath, BIN, "--data", dir, "export", ...flags(out)],
      { env: { ...cliEnv(dir), OUT: out }, encoding: "utf8", timeout: 30_000 },
    );
    expect(result.stdout, result.stderr).toContain("exit=1");
    expectOneLine(result.stderr, out, /the disk is full/);
    expect(result.stdout).toContain("earlier backup");
    // --per-file may have written whole notes before the disk filled; none is cut short.
    if (flags(out).includes("--output")) expect(result.stdout).toContain("newer=0");
  });

  it.skipIf(!canUnshare)("export --output into a read-only folder: one clear line, nothing written", () => {
    const dir = bigJournal();
    const out = join(dirname(dir), "out");
    mkdirSync(out);
    const before = listing(out);
    const script = 'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" && shift && exec "$@"';
    const result = run(
      [
        "unshare",
        "-rm",
        "sh",
        "-c",
        script,
        "sh",
        out,
        process.execPath,
        BIN,
        "--data",
        dir,
        "export",
        "-f",
        "csv",
        "-o",
        join(out, "j.csv"),
      ],
      dir,
    );
    expect(result.code, result.stderr).toBe(1);
    expectOneLine(result.stderr, join(out, "j.csv"), /read-only/);
    expect(listing(out)).toEqual(before);
  });
});
