import { execFileSync, spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, cliEnv, removeDir, runCli, runCliAsync, tempDir } from "../helpers/cli.js";
import { rejection } from "../helpers/fixtures.js";

/**
 * The store's files in odd states: not a regular file, a symlink, another user's,
 * a settings file that is cut short, wrongly typed, or changed by two processes.
 */
const roots: string[] = [];
afterAll(() => roots.forEach(removeDir));
function home(): string {
  const root = tempDir();
  roots.push(root);
  const dir = join(root, "home");
  mkdirSync(dir, { mode: 0o700 });
  return dir;
}
const journal = (entries = [rejection({ id: "aaaa0001", company: "Acme" })]) =>
  JSON.stringify({ version: 1, entries }, undefined, "\t");
const LOG = [
  "log",
  "--company",
  "Initech",
  "--role",
  "Analyst",
  "--stage",
  "applied",
  "--ended",
  "rejected",
  "--mood",
  "5",
];
const isRoot = process.getuid?.() === 0;
const oneLine = (stderr: string) => {
  const lines = stderr.split("\n").filter(Boolean);
  expect(lines, stderr).toHaveLength(1);
  return lines[0]!;
};

describe("a journal that is not a regular file is refused, never read or replaced", () => {
  it("a FIFO with no writer: list and log stop at once with one line, and the FIFO stays", () => {
    const dir = home();
    execFileSync("mkfifo", [join(dir, "journal.json")]);
    for (const args of [["list"], LOG]) {
      const result = runCli(args, { dataDir: dir });
      expect(result.code, result.stderr).toBe(1);
      expect(oneLine(result.stderr)).toMatch(/journal\.json: is a named pipe \(FIFO\), not a regular file/);
      expect(lstatSync(join(dir, "journal.json")).isFIFO()).toBe(true);
    }
  });

  it("a symlink to an endless device (/dev/zero) is refused without reading it", () => {
    const dir = home();
    symlinkSync("/dev/zero", join(dir, "journal.json"));
    const result = runCli(["stats", "--json"], { dataDir: dir });
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toMatch(/is a device, not a regular file/);
    expect(readlinkSync(join(dir, "journal.json"))).toBe("/dev/zero");
  });

  it("doctor names it and does not offer to repair it", () => {
    const dir = home();
    execFileSync("mkfifo", [join(dir, "journal.json")]);
    const result = runCli(["doctor"], { dataDir: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/named pipe/);
    expect(result.stdout).toContain("doctor --repair cannot fix this");
  });
});

describe("a symlinked journal", () => {
  it("stays a symlink, and its target receives every save", () => {
    const dir = home();
    const elsewhere = join(dir, "..", "synced");
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, "my-journal.json"), journal(), { mode: 0o600 });
    symlinkSync(join(elsewhere, "my-journal.json"), join(dir, "journal.json"));
    expect(runCli(LOG, { dataDir: dir }).code).toBe(0);
    expect(lstatSync(join(dir, "journal.json")).isSymbolicLink()).toBe(true);
    const saved = JSON.parse(readFileSync(join(elsewhere, "my-journal.json"), "utf8"));
    expect(saved.entries.map((entry: { company: string }) => entry.company)).toEqual(["Acme", "Initech"]);
  });
});

describe.skipIf(!isRoot)("another user's journal", () => {
  const PERSON = 1000;

  it("root (sudo keeping HOME) saves it back under its owner's name, and new files go to the folder's owner", () => {
    const dir = home();
    writeFileSync(join(dir, "journal.json"), journal(), { mode: 0o600 });
    chownSync(dir, PERSON, PERSON);
    chownSync(join(dir, "journal.json"), PERSON, PERSON);
    const result = runCli(LOG, { dataDir: dir });
    expect(result.code, result.stderr).toBe(0);
    for (const name of ["journal.json", "journal.json.checked"]) {
      const stats = statSync(join(dir, name));
      expect([name, stats.uid, stats.gid]).toEqual([name, PERSON, PERSON]);
    }
  });

  it("root repairing someone's journal leaves the backup theirs, so they can open it", () => {
    const dir = home();
    writeFileSync(join(dir, "journal.json"), journal().slice(0, -10), { mode: 0o600 });
    chownSync(dir, PERSON, PERSON);
    chownSync(join(dir, "journal.json"), PERSON, PERSON);
    const result = runCli(["doctor", "--repair"], { dataDir: dir });
    expect(result.code, result.stderr).toBe(0);
    const backup = /Kept a copy of the original file: (\S+)/.exec(result.stdout)![1]!;
    expect(statSync(backup).uid).toBe(PERSON);
    expect(statSync(join(dir, "journal.json")).uid).toBe(PERSON);
  });

  it("root creating the data folder for someone gives it to the owner of the folder it is made in", () => {
    const parent = home();
    chownSync(parent, PERSON, PERSON);
    const dir = join(parent, "rejection-coach");
    expect(runCli(LOG, { dataDir: dir }).code).toBe(0);
    expect(statSync(dir).uid).toBe(PERSON);
    expect(statSync(join(dir, "journal.json")).uid).toBe(PERSON);
  });

  const canDrop = spawnSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "true"]).status === 0;
  it.skipIf(!canDrop)("another user refuses to take it over, with a clear line, and changes nothing", () => {
    const dir = home();
    chmodSync(dir, 0o1777);
    chmodSync(join(dir, ".."), 0o755);
    // Readable by others, so the refusal is about saving, not reading.
    writeFileSync(join(dir, "journal.json"), journal(), { mode: 0o644 });
    chmodSync(join(dir, "journal.json"), 0o644);
    const before = readFileSync(join(dir, "journal.json"));
    const result = spawnSync(
      "setpriv",
      ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, BIN, "--data", dir, ...LOG],
      { env: cliEnv(dir), encoding: "utf8" },
    );
    expect(result.status, result.stderr).toBe(1);
    expect(oneLine(result.stderr)).toMatch(/belongs to another user \(uid 0\).*nothing was saved/);
    expect(readFileSync(join(dir, "journal.json"))).toEqual(before);
    expect(statSync(join(dir, "journal.json")).uid).toBe(0);
  });
});

describe("settings.json", () => {
  it("a file cut short, or a wrongly typed value, is named with its key; config set and doctor --repair put it right", () => {
    const dir = home();
    const settings = join(dir, "settings.json");
    writeFileSync(settings, '{"name": 5, "contentDir": "/x"}', { mode: 0o600 });
    const tips = runCli(["tips", "--json"], { dataDir: dir });
    expect(tips.code).toBe(1);
    expect(oneLine(tips.stderr)).toMatch(/settings\.json: the setting `name` must be text, not number/);

    const doctor = runCli(["doctor"], { dataDir: dir });
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/the setting `name` must be text/);

    // Setting the key that is wrong puts it right, and keeps the others.
    expect(runCli(["config", "set", "name", "Sam Lee"], { dataDir: dir }).code).toBe(0);
    expect(JSON.parse(readFileSync(settings, "utf8"))).toEqual({ name: "Sam Lee", contentDir: "/x" });
    expect(runCli(["doctor"], { dataDir: dir }).code).toBe(0);

    writeFileSync(settings, '{"name": "Sam', { mode: 0o600 });
    const set = runCli(["config", "set", "name", "Alex"], { dataDir: dir });
    expect(set.code).toBe(1);
    expect(oneLine(set.stderr)).toMatch(/settings\.json: is not valid JSON.*doctor --repair/);
    const repair = runCli(["doctor", "--repair"], { dataDir: dir });
    expect(repair.code, repair.stderr + repair.stdout).toBe(0);
    expect(repair.stdout).toMatch(/rewrote the settings.*settings\.json\.backup-/i);
    expect(runCli(["config", "set", "name", "Alex"], { dataDir: dir }).code).toBe(0);
    expect(runCli(["config", "get", "name"], { dataDir: dir }).stdout.trim()).toBe("Alex");
  });

  it("two config set at once both land (they share the journal's lock)", async () => {
    for (let round = 0; round < 10; round++) {
      const dir = home();
      const [a, b] = await Promise.all([
        runCliAsync(["config", "set", "name", `Sam ${round}`], { dataDir: dir }),
        runCliAsync(["config", "set", "contentDir", `/coaching/${round}`], { dataDir: dir }),
      ]);
      expect([a.code, b.code]).toEqual([0, 0]);
      expect(JSON.parse(readFileSync(join(dir, "settings.json"), "utf8"))).toEqual({
        name: `Sam ${round}`,
        contentDir: `/coaching/${round}`,
      });
    }
  });

  const canUnshare = spawnSync("unshare", ["-rm", "sh", "-c", "mount -t tmpfs tmpfs /mnt"]).status === 0;
  it.skipIf(!canUnshare)(
    "on a nearly full disk: config set fails with one line and the settings are not cut short",
    () => {
      const dir = home();
      // A 64 KB tmpfs filled to within a few hundred bytes: the new settings do not fit.
      const script = [
        'mount -t tmpfs -o size=64k,mode=0700 tmpfs "$1"',
        `printf '{\n\t"name": "Sam"\n}\n' > "$1/settings.json"`,
        'head -c 52000 /dev/zero > "$1/filler" 2>/dev/null; true',
        'shift; "$@"; echo "exit=$?"',
        'cat "$HOME_DIR/settings.json"; ls -A "$HOME_DIR"',
      ].join("\n");
      const long = "S".repeat(8000);
      const result = spawnSync(
        "unshare",
        ["-rm", "sh", "-c", script, "sh", dir, process.execPath, BIN, "--data", dir, "config", "set", "name", long],
        { env: { ...cliEnv(dir), HOME_DIR: dir }, encoding: "utf8", timeout: 30_000 },
      );
      expect(result.stdout, result.stderr).toContain("exit=1");
      expect(oneLine(result.stderr)).toMatch(/settings\.json: cannot be written: the disk is full/);
      expect(result.stdout).toContain('{\n\t"name": "Sam"\n}\n');
      expect(result.stdout.split("\n").filter((line) => line.includes(".tmp-"))).toEqual([]);
    },
  );

  it("is written whole and private, under the lock", () => {
    const dir = home();
    expect(runCli(["config", "set", "name", "Sam"], { dataDir: dir }).code).toBe(0);
    expect(statSync(join(dir, "settings.json")).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, "settings.json"), "utf8")).toBe('{\n\t"name": "Sam"\n}\n');
  });
});

describe("a journal reached through relative symlinks", () => {
  it("a relative link inside a symlinked folder saves where reads look (as dotfile managers set it up)", () => {
    const root = tempDir();
    roots.push(root);
    // home/.config/rc -> ../../real/data, and real/data/journal.json -> ../other/journal.json
    mkdirSync(join(root, "home", ".config"), { recursive: true });
    mkdirSync(join(root, "real", "data"), { recursive: true });
    mkdirSync(join(root, "real", "other"), { recursive: true });
    writeFileSync(join(root, "real", "other", "journal.json"), journal(), { mode: 0o600 });
    symlinkSync("../other/journal.json", join(root, "real", "data", "journal.json"));
    symlinkSync("../../real/data", join(root, "home", ".config", "rc"));
    const dir = join(root, "home", ".config", "rc");
    expect(runCli(LOG, { dataDir: dir }).code).toBe(0);
    const listed = JSON.parse(runCli(["list", "--json"], { dataDir: dir }).stdout) as { company: string }[];
    expect(listed.map((entry) => entry.company).sort()).toEqual(["Acme", "Initech"]);
    expect(readFileSync(join(root, "real", "other", "journal.json"), "utf8")).toContain("Initech");
  });
});

describe("a special file where the seal goes", () => {
  it("does not hang a read: the journal is validated in full instead", () => {
    const dir = home();
    writeFileSync(join(dir, "journal.json"), journal(), { mode: 0o600 });
    execFileSync("mkfifo", [join(dir, "journal.json.checked")]);
    const result = runCli(["list", "--json"], { dataDir: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveLength(1);
  });
});
