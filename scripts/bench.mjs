#!/usr/bin/env node
// Benchmarks the built CLI against two baselines measured in the same run:
//   node     - a bare `node -e 0`, the floor for any Node CLI;
//   limit    - plain Node reading, parsing and atomically rewriting the same journal file.
// Each command runs after a warm-up, --runs times; the median is reported with its
// ratio to the matching baseline, and peak memory (max RSS) from a separate run.
//
//   npm run bench                    10,000 entries
//   npm run bench -- --entries 2000  another size
//   npm run bench -- --scale         1,000, 10,000 and 50,000 entries, to see how cost grows
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin", "rejection-coach.js");

const { values: args } = parseArgs({
  options: {
    entries: { type: "string", default: "10000" },
    runs: { type: "string", default: "5" },
    scale: { type: "boolean", default: false },
    seed: { type: "string", default: "20261124" },
    out: { type: "string", default: join(ROOT, "bench-results") },
  },
});
const RUNS = Math.max(1, Number(args.runs));
const SIZES = args.scale ? [1_000, 10_000, 50_000] : [Number(args.entries)];

// ---------------------------------------------------------------- the journal

/** mulberry32: a small seeded generator, so every run benchmarks the same journal. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMPANIES = [
  "Acme",
  "Globex",
  "Initech",
  "Umbrella",
  "Hooli",
  "Vandelay",
  "Stark Industries",
  "Wayne Enterprises",
  "Soylent",
  "Tyrell",
  "Cyberdyne",
  "Aperture",
];
const ROLES = [
  "Backend Engineer",
  "Data Analyst",
  "Product Designer",
  "Engineering Manager",
  "QA Lead",
  "Site Reliability Engineer",
  "Frontend Developer",
];
const STAGES = ["applied", "screening", "interview", "assessment", "final", "offer"];
const ENDINGS = ["rejected", "ghosted", "role-closed"];
const REASONS = ["skills", "interview", "culture", "competition", "salary", "internal", "cancelled", "unknown"];
const EMOTIONS = [
  "disappointed",
  "frustrated",
  "sad",
  "angry",
  "anxious",
  "embarrassed",
  "relieved",
  "numb",
  "motivated",
];
const WORDS =
  "the interview went well but they wanted more depth in distributed systems and a stronger story about leading projects next time I will prepare examples".split(
    " ",
  );

function makeJournal(count, seed) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const some = (list, max) => [...new Set(Array.from({ length: Math.floor(rand() * (max + 1)) }, () => pick(list)))];
  const text = (words) => Array.from({ length: words }, () => pick(WORDS)).join(" ");
  const start = Date.UTC(2022, 0, 1);
  const entries = [];
  for (let i = 0; i < count; i++) {
    const day = new Date(start + Math.floor((i / count) * 4 * 365) * 86_400_000);
    const date = day.toISOString().slice(0, 10);
    const at = `${date}T09:30:00.000Z`;
    const id = (0x10000000 + i).toString(16);
    const base = {
      id,
      createdAt: at,
      updatedAt: at,
      date,
      tags: some(["remote", "dream-job", "startup", "referral"], 2),
    };
    if (rand() < 0.15) {
      entries.push({
        ...base,
        kind: "win",
        winKind: pick(["interview", "feedback", "application", "skill", "other"]),
        title: text(6),
      });
      continue;
    }
    const entry = {
      ...base,
      kind: "rejection",
      company: pick(COMPANIES),
      role: pick(ROLES),
      stage: pick(STAGES),
      ended: pick(ENDINGS),
      reasons: some(REASONS, 2),
      mood: 1 + Math.floor(rand() * 10),
      emotions: some(EMOTIONS, 3),
      note: text(20),
      checkins: [],
      actions: [],
      feedback: [],
    };
    if (rand() < 0.6) {
      entry.reflection = {
        createdAt: at,
        mood: 1 + Math.floor(rand() * 10),
        answers: Array.from({ length: 4 }, (_, n) => ({ questionId: `q${n}`, question: text(8), answer: text(25) })),
        ratings: [{ step: "preparation", label: "Preparation and research", rating: 1 + Math.floor(rand() * 5) }],
        inControl: some(REASONS, 1),
        outOfControl: some(REASONS, 1),
        thought: { thought: text(10), trap: "personalising", balanced: text(12) },
        fit: "partly",
        wentWell: text(10),
        change: text(10),
      };
      entry.checkins = Array.from({ length: Math.floor(rand() * 3) }, () => ({
        at,
        mood: 1 + Math.floor(rand() * 10),
        note: text(8),
      }));
      entry.actions = Array.from({ length: Math.floor(rand() * 3) }, (_, n) => ({
        id: `${id.slice(0, 6)}a${n}`,
        text: text(7),
        createdAt: at,
        ...(rand() < 0.5 ? { due: date } : {}),
        ...(rand() < 0.5 ? { doneAt: at } : {}),
      }));
    }
    entries.push(entry);
  }
  return { version: 1, entries };
}

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
  const result = spawnSync(process.execPath, argv, {
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

/** Runs a case: one warm-up, RUNS timed runs, one run for peak memory. `prepare` runs before each, untimed. */
function measure(name, argv, { env, prepare = () => {} }) {
  prepare();
  const warm = timeOnce(argv, env);
  if (warm.status !== 0) return { name, error: `exit ${warm.status}: ${warm.stderr.trim().split("\n")[0]}` };
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    prepare();
    times.push(timeOnce(argv, env).ms);
  }
  prepare();
  const rssFile = join(env.BENCH_DIR, "rss");
  timeOnce(["--require", join(env.BENCH_DIR, "rss-probe.cjs"), ...argv], { ...env, BENCH_RSS_FILE: rssFile });
  const rssMB = Number(readFileSync(rssFile, "utf8")) / 1024;
  return { name, medianMs: median(times), minMs: Math.min(...times), rssMB };
}

function benchSize(entries) {
  const dir = mkdtempSync(join(tmpdir(), "rc-bench-"));
  const home = join(dir, "home");
  mkdirSync(home, { mode: 0o700 });
  const journalFile = join(home, "journal.json");
  writeFileSync(journalFile, JSON.stringify(makeJournal(entries, Number(args.seed)), undefined, "\t"), { mode: 0o600 });
  writeFileSync(join(dir, "rss-probe.cjs"), RSS_PROBE);
  writeFileSync(join(dir, "limit.cjs"), LIMIT_SCRIPT);
  const env = { ...process.env, REJECTION_COACH_HOME: home, NO_COLOR: "1", BENCH_DIR: dir };
  delete env.FORCE_COLOR;
  const cli = (...rest) => [BIN, ...rest];
  // A person's journal is always last written by the tool: one write through it
  // (a win logged) validates the generated file and leaves it as the tool would.
  const seeded = spawnSync(process.execPath, cli("win", "--kind", "other", "--title", "Benchmark seed"), {
    env,
    encoding: "utf8",
  });
  if (seeded.status !== 0) throw new Error(`could not seed the journal: ${seeded.stderr}`);
  const journalBytes = statSync(journalFile).size;
  // The limit script rewrites its own copy, so the journal the CLI reads stays as the tool left it.
  const limitCopy = join(dir, "limit-journal.json");
  copyFileSync(journalFile, limitCopy);

  const node = measure("node -e 0", ["-e", "0"], { env });
  const limit = measure("limit script", [join(dir, "limit.cjs"), limitCopy], { env });
  const cases = [
    ["--help", cli("--help"), node],
    ["tips", cli("tips"), node],
    ["list -n 20", cli("list", "-n", "20"), limit],
    ["list --search WORD", cli("list", "--search", "distributed"), limit],
    ["stats --json", cli("stats", "--json"), limit],
    ["export --format json", cli("export", "--format", "json"), limit],
    ["export --format md", cli("export", "--format", "md"), limit],
    [
      "log (non-interactive)",
      // Each run adds one entry: seven at most on top of thousands.
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
      ),
      limit,
    ],
  ];
  const rows = [node, limit];
  for (const [name, argv, baseline] of cases) {
    const row = measure(name, argv, { env });
    if (!row.error) {
      row.baseline = baseline.name;
      row.timeRatio = row.medianMs / baseline.medianMs;
      row.rssRatio = row.rssMB / limit.rssMB;
    }
    rows.push(row);
  }
  rmSync(dir, { recursive: true, force: true });
  return { entries, journalMB: Number((journalBytes / 1e6).toFixed(1)), rows };
}

// ---------------------------------------------------------------- report

const fmt = (n, digits = 0) => (n === undefined ? "" : n.toFixed(digits));
function printTable(result) {
  console.log(`\n${result.entries.toLocaleString("en")} entries (journal ${result.journalMB} MB)`);
  console.log(
    [
      "case".padEnd(24),
      "median ms".padStart(10),
      "× baseline".padStart(11),
      "baseline".padStart(13),
      "peak MB".padStart(8),
      "× limit".padStart(8),
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
        (row.timeRatio ? fmt(row.timeRatio, 2) : "").padStart(11),
        (row.baseline ?? "").padStart(13),
        fmt(row.rssMB).padStart(8),
        (row.rssRatio ? fmt(row.rssRatio, 2) : "").padStart(8),
      ].join(""),
    );
  }
}

const machine = {
  node: process.version,
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? "unknown",
  memoryGB: Math.round(totalmem() / 2 ** 30),
  platform: process.platform,
};
console.log(
  `rejection-coach benchmark · Node ${machine.node} · ${machine.cpus} × ${machine.cpu} · ${RUNS} runs per case after a warm-up`,
);
const results = [];
for (const size of SIZES) {
  const result = benchSize(size);
  printTable(result);
  results.push(result);
}

if (results.length > 1) {
  // Cost above the node floor, per entry: roughly constant when cost grows linearly.
  console.log("\nGrowth: milliseconds above bare node per 1,000 entries");
  const names = results[0].rows.filter((row) => !row.error && row.name !== "node -e 0").map((row) => row.name);
  console.log("case".padEnd(24) + results.map((r) => `${r.entries.toLocaleString("en")}`.padStart(10)).join(""));
  for (const name of names) {
    const cells = results.map((r) => {
      const row = r.rows.find((x) => x.name === name);
      const floor = r.rows[0].medianMs;
      return row && !row.error ? fmt(((row.medianMs - floor) / r.entries) * 1000, 1).padStart(10) : "".padStart(10);
    });
    console.log(name.padEnd(24) + cells.join(""));
  }
}

mkdirSync(args.out, { recursive: true });
const outFile = join(args.out, args.scale ? "bench-scale.json" : `bench-${SIZES[0]}.json`);
writeFileSync(
  outFile,
  JSON.stringify({ date: new Date().toISOString(), machine, runs: RUNS, results }, null, 2) + "\n",
);
console.log(`\nFigures written to ${outFile}`);
