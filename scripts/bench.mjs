#!/usr/bin/env node
// Benchmarks rejection-coach as a person gets it: the packed package, installed
// into an empty folder. Each case is compared with a baseline measured in the
// same run, in alternating calls (baseline, case, baseline, case...), so a
// machine that speeds up or slows down affects both alike:
//   node     - a bare `node -e 0`, the floor for any Node CLI (the 100-entry cases);
//   limit    - plain Node reading, parsing and atomically rewriting the same journal
//              file (the large-journal cases);
//   nudges off - the same command in a pseudo-terminal with `nudges off` (the terminal
//              cases: what the once-a-day nudge costs when there is nothing to say).
// Ratios are of medians; peak memory (max RSS) comes from one more run.
//
//   npm run bench                                100 and 10,000 entries
//   npm run bench -- --entries 2000              another size (against the limit script)
//   npm run bench -- --scale                     1,000, 10,000 and 50,000 entries: how cost grows
//   npm run bench -- --node /path/to/node        the same cases under another Node binary
//   npm run bench -- --no-encrypted              without the encrypted-journal cases
//   npm run bench -- --only-encrypted            the encrypted-journal cases alone
//
// The encrypted cases run each command on a 1,000-entry journal encrypted by the
// tool (age, scrypt) against the same command on the same journal in plain JSON:
// the ratio is what encryption adds, and the median is held to the 1 s target.
import { execFileSync, spawnSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { makeJournal } from "./bench-journal.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

const { values: args } = parseArgs({
  options: {
    entries: { type: "string" },
    runs: { type: "string", default: "9" },
    scale: { type: "boolean", default: false },
    encrypted: { type: "boolean", default: true },
    "only-encrypted": { type: "boolean", default: false },
    seed: { type: "string", default: "20261124" },
    node: { type: "string", default: process.execPath },
    out: { type: "string", default: join(ROOT, "bench-results") },
  },
  // --no-encrypted
  allowNegative: true,
});
const RUNS = Math.max(1, Number(args.runs));
const NODE = args.node;
/** Small journals are compared with bare Node (start-up is all there is); large ones with the limit script. */
const SMALL = 100;
const SIZES = args.scale ? [1_000, 10_000, 50_000] : args.entries ? [Number(args.entries)] : [SMALL, 10_000];

// ---------------------------------------------------------------- measuring

const LIMIT_SCRIPT = `
const fs = require("node:fs");
const file = process.argv[2];
const journal = JSON.parse(fs.readFileSync(file, "utf8"));
const temp = file + ".tmp-" + process.pid;
fs.writeFileSync(temp, JSON.stringify(journal, undefined, "\\t"), { mode: 0o600 });
fs.renameSync(temp, file);
`;

const RSS_PROBE = `process.on("exit", () => require("node:fs").writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));`;

function timeOnce(argv, env) {
  const start = process.hrtime.bigint();
  const result = spawnSync(NODE, argv, {
    env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, status: result.status, stderr: result.stderr };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function peakMemoryMB(argv, env) {
  const rssFile = join(env.BENCH_DIR, "rss");
  timeOnce(["--require", join(env.BENCH_DIR, "rss-probe.cjs"), ...argv], { ...env, BENCH_RSS_FILE: rssFile });
  return Number(readFileSync(rssFile, "utf8")) / 1024;
}

/**
 * One case against its baseline: a warm-up of each, then RUNS pairs of calls,
 * alternating. `prepare` runs before each call of the case, untimed.
 */
function measure(name, argv, baseline, { env, prepare = () => {} }) {
  prepare();
  const warm = timeOnce(argv, env);
  if (warm.status !== 0) return { name, error: `exit ${warm.status}: ${warm.stderr.trim().split("\n")[0]}` };
  timeOnce(baseline.argv, env);
  const times = [];
  const baseTimes = [];
  for (let i = 0; i < RUNS; i++) {
    baseTimes.push(timeOnce(baseline.argv, env).ms);
    prepare();
    times.push(timeOnce(argv, env).ms);
  }
  prepare();
  const rssMB = peakMemoryMB(argv, env);
  const baseMs = median(baseTimes);
  return {
    name,
    medianMs: median(times),
    minMs: Math.min(...times),
    baseline: baseline.name,
    baselineMs: baseMs,
    timeRatio: median(times) / baseMs,
    rssMB,
    rssRatio: rssMB / baseline.rssMB,
  };
}

/** node-pty, for the terminal cases; without it (not built on this machine) they are left out. */
async function loadPty() {
  try {
    const pty = await import("node-pty");
    return pty.spawn ? pty : pty.default;
  } catch {
    return undefined;
  }
}

/** One call in a pseudo-terminal (stdin, stdout and stderr a terminal), as a person runs it. */
function timeAtTerminal(pty, argv, env) {
  return new Promise((resolve) => {
    let output = "";
    const start = process.hrtime.bigint();
    const child = pty.spawn(NODE, argv, { name: "xterm-256color", cols: 100, rows: 40, env });
    child.onData((data) => (output += data));
    child.onExit(({ exitCode }) =>
      resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, status: exitCode, output }),
    );
  });
}

/**
 * A command at a terminal with nudges on against the same with nudges off, in
 * alternating calls, each with its own copy of the journal. Nothing in the bench
 * journal is recent, so there is nothing to say: the case must not be slower.
 */
async function measureAtTerminal(pty, name, argv, on, off) {
  const warm = await timeAtTerminal(pty, argv, on);
  if (warm.status !== 0) return { name, error: `exit ${warm.status}: ${warm.output.trim().split("\n")[0]}` };
  if (/When you are ready: (?!rejection-coach)/.test(warm.output)) return { name, error: "a nudge was shown" };
  await timeAtTerminal(pty, argv, off);
  const times = [];
  const baseTimes = [];
  for (let i = 0; i < RUNS; i++) {
    baseTimes.push((await timeAtTerminal(pty, argv, off)).ms);
    times.push((await timeAtTerminal(pty, argv, on)).ms);
  }
  if (existsSync(join(on.REJECTION_COACH_HOME, "nudge-shown"))) return { name, error: "a nudge was recorded" };
  const baseMs = median(baseTimes);
  return {
    name,
    medianMs: median(times),
    minMs: Math.min(...times),
    baseline: "nudges off",
    baselineMs: baseMs,
    timeRatio: median(times) / baseMs,
  };
}

async function benchSize(entries, bin, pty) {
  const dir = mkdtempSync(join(tmpdir(), "rc-bench-"));
  const home = join(dir, "home");
  mkdirSync(home, { mode: 0o700 });
  const journalFile = join(home, "journal.json");
  writeFileSync(journalFile, JSON.stringify(makeJournal(entries, Number(args.seed)), undefined, "\t"), { mode: 0o600 });
  writeFileSync(join(dir, "rss-probe.cjs"), RSS_PROBE);
  writeFileSync(join(dir, "limit.cjs"), LIMIT_SCRIPT);
  const env = { ...process.env, REJECTION_COACH_HOME: home, NO_COLOR: "1", BENCH_DIR: dir };
  delete env.FORCE_COLOR;
  const cli = (...rest) => [bin, ...rest];
  // A person's journal is always last written by the tool: one write through it
  // (a win logged) validates the generated file and leaves it as the tool would.
  const seeded = spawnSync(NODE, cli("win", "--kind", "other", "--title", "Benchmark seed"), {
    env,
    encoding: "utf8",
  });
  if (seeded.status !== 0) throw new Error(`could not seed the journal: ${seeded.stderr}`);
  const journalBytes = statSync(journalFile).size;
  // The limit script rewrites its own copy, so the journal the CLI reads stays as the tool left it.
  const limitCopy = join(dir, "limit-journal.json");
  copyFileSync(journalFile, limitCopy);

  const node = { name: "node -e 0", argv: ["-e", "0"] };
  const limit = { name: "limit script", argv: [join(dir, "limit.cjs"), limitCopy] };
  node.rssMB = peakMemoryMB(node.argv, env);
  limit.rssMB = peakMemoryMB(limit.argv, env);
  const small = entries <= SMALL;
  const reads = small
    ? [
        ["--help", cli("--help"), node],
        ["tips", cli("tips"), node],
        ["list", cli("list"), node],
        ["show ID", cli("show", "10000001"), node],
        ["next", cli("next"), node],
        ["stats", cli("stats"), node],
        ["export --format json", cli("export", "--format", "json"), node],
      ]
    : [
        ["list -n 20", cli("list", "-n", "20"), limit],
        ["list --search WORD", cli("list", "--search", "distributed"), limit],
        ["stats --json", cli("stats", "--json"), limit],
        ["export --format json", cli("export", "--format", "json"), limit],
        ["export --format md", cli("export", "--format", "md"), limit],
      ];
  const log = [
    "log (non-interactive)",
    // Each call adds one entry: a few dozen at most on top of the journal.
    cli(
      "log",
      "--company",
      "Bench Co",
      "--role",
      "Tester",
      "--stage",
      "interview",
      "--ended",
      "rejected",
      "--date",
      "2026-11-01",
      "--mood",
      "5",
      "--allow-duplicate",
    ),
    small ? node : limit,
  ];
  // Two copies of the journal as the tool left it, one with nudges on and one with them off,
  // both with a settings file, so that the only difference is the setting.
  const terminalHome = (nudges) => {
    const copy = join(dir, `home-nudges-${nudges}`);
    cpSync(home, copy, { recursive: true });
    const copyEnv = { ...env, REJECTION_COACH_HOME: copy };
    const set = spawnSync(NODE, cli("config", "set", "nudges", nudges), { env: copyEnv, encoding: "utf8" });
    if (set.status !== 0) throw new Error(`could not set nudges ${nudges}: ${set.stderr}`);
    return copyEnv;
  };
  const terminalCases = [];
  if (pty) {
    const on = terminalHome("on");
    const off = terminalHome("off");
    const [name, argv] = small ? ["next", cli("next")] : ["list -n 20", cli("list", "-n", "20")];
    terminalCases.push([`tty: ${name}`, argv, on, off]);
  }
  const rows = [];
  for (const [name, argv, baseline] of [...reads, log]) rows.push(measure(name, argv, baseline, { env }));
  for (const [name, argv, on, off] of terminalCases) rows.push(await measureAtTerminal(pty, name, argv, on, off));
  rmSync(dir, { recursive: true, force: true });
  return {
    entries,
    journalMB: Number((journalBytes / 1e6).toFixed(2)),
    baselines: { node: node.rssMB, limit: limit.rssMB },
    rows,
  };
}

/** The passphrase the encrypted cases use; given as a script gives it, in the environment. */
const BENCH_PASSPHRASE = "benchmark passphrase, not a secret";
/** An encrypted journal of this size is held to ENCRYPTED_TARGET_MS per command. */
const ENCRYPTED_ENTRIES = 1_000;
const ENCRYPTED_TARGET_MS = 1_000;

/**
 * Commands on an encrypted journal, each against the same command on a plain
 * copy of the same journal: the passphrase's key derivation is the cost.
 */
function benchEncrypted(bin) {
  const dir = mkdtempSync(join(tmpdir(), "rc-bench-enc-"));
  const plainHome = join(dir, "plain");
  const encryptedHome = join(dir, "encrypted");
  writeFileSync(join(dir, "rss-probe.cjs"), RSS_PROBE);
  const env = { ...process.env, NO_COLOR: "1", BENCH_DIR: dir, REJECTION_COACH_PASSPHRASE: BENCH_PASSPHRASE };
  delete env.FORCE_COLOR;
  delete env.REJECTION_COACH_HOME;
  const journal = JSON.stringify(makeJournal(ENCRYPTED_ENTRIES, Number(args.seed)), undefined, "\t");
  for (const home of [plainHome, encryptedHome]) {
    mkdirSync(home, { mode: 0o700 });
    writeFileSync(join(home, "journal.json"), journal, { mode: 0o600 });
    const seeded = spawnSync(NODE, [bin, "--data", home, "win", "--kind", "other", "--title", "Benchmark seed"], {
      env,
    });
    if (seeded.status !== 0) throw new Error(`could not seed the journal: ${seeded.stderr}`);
  }
  const encrypted = spawnSync(NODE, [bin, "--data", encryptedHome, "encrypt"], { env, encoding: "utf8" });
  if (encrypted.status !== 0) throw new Error(`could not encrypt the journal: ${encrypted.stderr}`);
  const journalBytes = statSync(join(encryptedHome, "journal.json")).size;

  const cases = [
    ["list", ["list"]],
    ["show ID", ["show", "10000001"]],
    ["stats --json", ["stats", "--json"]],
    ["next", ["next"]],
    [
      "log (non-interactive)",
      ["log", "--company", "Bench Co", "--role", "Tester", "--stage", "interview", "--ended", "rejected"].concat([
        "--date",
        "2026-11-01",
        "--mood",
        "5",
        "--allow-duplicate",
      ]),
    ],
    ["edit ID --note", ["edit", "10000001", "--note", "Benchmark note"]],
  ];
  const rows = [];
  for (const [name, rest] of cases) {
    const baseline = { name: "plain journal", argv: [bin, "--data", plainHome, ...rest] };
    baseline.rssMB = peakMemoryMB(baseline.argv, env);
    const row = measure(name, [bin, "--data", encryptedHome, ...rest], baseline, { env });
    if (!row.error) row.withinTarget = row.medianMs <= ENCRYPTED_TARGET_MS;
    rows.push(row);
  }
  rmSync(dir, { recursive: true, force: true });
  return {
    entries: ENCRYPTED_ENTRIES,
    encrypted: true,
    journalMB: Number((journalBytes / 1e6).toFixed(2)),
    targetMs: ENCRYPTED_TARGET_MS,
    rows,
  };
}

/** Packs the project and installs the tarball into an empty folder, as `npx` would: the bin to measure. */
function installPackage() {
  const dir = mkdtempSync(join(tmpdir(), "rc-bench-package-"));
  const [packed] = JSON.parse(
    execFileSync("npm", ["pack", "--json", "--pack-destination", dir], {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    }),
  );
  const tarball = join(dir, packed.filename);
  const app = join(dir, "app");
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), "{}\n");
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--offline", tarball], { cwd: app, stdio: "ignore" });
  return {
    dir,
    bin: join(app, "node_modules", "rejection-coach", "bin", "rejection-coach.js"),
    tarball: { bytes: statSync(tarball).size, unpackedBytes: packed.unpackedSize, files: packed.entryCount },
  };
}

// ---------------------------------------------------------------- report

const fmt = (n, digits = 0) => (n === undefined ? "" : n.toFixed(digits));
function printTable(result) {
  const what = result.encrypted
    ? `encrypted, against the same journal plain; target ${result.targetMs} ms a command`
    : `journal ${result.journalMB} MB`;
  console.log(`\n${result.entries.toLocaleString("en")} entries (${what})`);
  console.log(
    [
      "case".padEnd(24),
      "median ms".padStart(10),
      "baseline".padStart(14),
      "its ms".padStart(8),
      "× time".padStart(8),
      "peak MB".padStart(8),
      "× memory".padStart(9),
    ].join(""),
  );
  for (const row of result.rows) {
    if (row.error) {
      console.log(`${row.name.padEnd(24)}  failed: ${row.error}`);
      continue;
    }
    console.log(
      [
        row.name.padEnd(24),
        fmt(row.medianMs).padStart(10),
        row.baseline.padStart(14),
        fmt(row.baselineMs).padStart(8),
        fmt(row.timeRatio, 2).padStart(8),
        fmt(row.rssMB).padStart(8),
        fmt(row.rssRatio, 2).padStart(9),
      ].join(""),
    );
  }
  if (result.encrypted) {
    const over = result.rows.filter((row) => !row.error && !row.withinTarget).map((row) => row.name);
    console.log(
      over.length === 0 ? `every case within ${result.targetMs} ms` : `over ${result.targetMs} ms: ${over.join(", ")}`,
    );
  }
}

const nodeVersion = execFileSync(NODE, ["--version"], { encoding: "utf8" }).trim();
const machine = {
  node: nodeVersion,
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? "unknown",
  memoryGB: Math.round(totalmem() / 2 ** 30),
  platform: process.platform,
};
console.log(
  `rejection-coach benchmark · Node ${machine.node} · ${machine.cpus} × ${machine.cpu} · ${RUNS} alternating pairs per case after a warm-up`,
);
const installed = installPackage();
const mb = (bytes) => (bytes / 1e6).toFixed(2);
console.log(
  `Package: ${mb(installed.tarball.bytes)} MB packed, ${mb(installed.tarball.unpackedBytes)} MB unpacked, ${installed.tarball.files} files; measured installed from it`,
);
const pty = await loadPty();
if (!pty) console.log("node-pty is not available: the terminal cases (nudges on against off) are left out");
const results = [];
try {
  for (const size of args["only-encrypted"] ? [] : SIZES) {
    const result = await benchSize(size, installed.bin, pty);
    printTable(result);
    results.push(result);
  }
  if (args.encrypted && !args.scale) {
    const result = benchEncrypted(installed.bin);
    printTable(result);
    results.push(result);
  }
} finally {
  rmSync(installed.dir, { recursive: true, force: true });
}

if (args.scale) {
  // Cost above the baseline, per entry: roughly constant when cost grows linearly.
  console.log("\nGrowth: milliseconds above the limit script per 1,000 entries");
  const names = results[0].rows.filter((row) => !row.error).map((row) => row.name);
  console.log("case".padEnd(24) + results.map((r) => `${r.entries.toLocaleString("en")}`.padStart(10)).join(""));
  for (const name of names) {
    const cells = results.map((r) => {
      const row = r.rows.find((x) => x.name === name);
      return row && !row.error
        ? fmt(((row.medianMs - row.baselineMs) / r.entries) * 1000, 1).padStart(10)
        : "".padStart(10);
    });
    console.log(name.padEnd(24) + cells.join(""));
  }
}

mkdirSync(args.out, { recursive: true });
const label = args.scale ? "scale" : SIZES.join("-");
const outFile = join(args.out, `bench-${label}-node${machine.node.replace(/^v/, "").split(".")[0]}.json`);
writeFileSync(
  outFile,
  JSON.stringify(
    { date: new Date().toISOString(), machine, runs: RUNS, package: installed.tarball, results },
    null,
    2,
  ) + "\n",
);
console.log(`\nFigures written to ${outFile}`);
