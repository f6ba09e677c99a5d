#!/usr/bin/env node
// What encrypting the journal costs a command: a journal read, parsed, written
// back atomically (temp file, fsync, rename), in a fresh Node process each time,
// plain and encrypted (age, scrypt at log2 N 16, from src/journal/journal-cipher.ts
// bundled as the build bundles it). The cases alternate with the plain one in
// the same run, so a machine that speeds up or slows down affects all alike:
//   plain                  read, parse, stringify, write;
//   encrypted              the same with decrypt before and encrypt after (two key derivations, one after the other);
//   encrypted, key early   the write's key derived while the journal is read and decrypted.
// Ratios are of medians over the plain case's median; CPU time (the whole process,
// the key derivation's thread included) moves less than wall time on a busy machine.
//
//   node scripts/bench-cipher.mjs                        1,000 entries, 9 runs, log2 N 16
//   node scripts/bench-cipher.mjs --entries 5000 --runs 5 --work-factor 18
//   node scripts/bench-cipher.mjs --node /path/to/node   under another Node binary
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";
import { makeJournal } from "./bench-journal.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const { values: args } = parseArgs({
  options: {
    entries: { type: "string", default: "1000" },
    runs: { type: "string", default: "9" },
    "work-factor": { type: "string", default: "16" },
    seed: { type: "string", default: "20261124" },
    node: { type: "string", default: process.execPath },
  },
});
const RUNS = Math.max(1, Number(args.runs));
const NODE = args.node;

// One command's read and write, in the shape the store will give it.
const COMMAND = `
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
const [mode, file, workFactor] = process.argv.slice(2);
const passphrase = process.env.BENCH_PASSPHRASE;
const times = {};
const at = (name, since) => (times[name] = performance.now() - since);

function writeAtomic(bytes) {
  const temp = file + ".tmp-" + process.pid;
  const fd = openSync(temp, "w", 0o600);
  writeSync(fd, bytes);
  fsyncSync(fd);
  closeSync(fd);
  renameSync(temp, file);
}

const start = performance.now();
if (mode === "seal") {
  const { encryptJournal } = await import(${JSON.stringify(join(ROOT, "src/journal/journal-cipher.ts"))});
  writeAtomic(await encryptJournal(readFileSync(file), passphrase, { workFactor: Number(workFactor) }));
} else if (mode === "plain") {
  const journal = JSON.parse(readFileSync(file, "utf8"));
  writeAtomic(JSON.stringify(journal, undefined, "\\t"));
} else {
  const raw = readFileSync(file);
  let since = performance.now();
  const cipher = await import(${JSON.stringify(join(ROOT, "src/journal/journal-cipher.ts"))});
  at("load", since);
  const options = { workFactor: Number(workFactor) };
  const early = mode === "early" ? cipher.prepareEncryption(passphrase, options) : undefined;
  since = performance.now();
  const text = new TextDecoder().decode(await cipher.decryptJournal(raw, passphrase));
  at("decrypt", since);
  const journal = JSON.parse(text);
  const out = new TextEncoder().encode(JSON.stringify(journal, undefined, "\\t"));
  since = performance.now();
  const sealed = early ? await (await early).encrypt(out) : await cipher.encryptJournal(out, passphrase, options);
  at("encrypt", since);
  writeAtomic(sealed);
}
at("total", start);
const cpu = process.cpuUsage();
times.cpu = (cpu.user + cpu.system) / 1000;
process.stdout.write(JSON.stringify(times));
`;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function runOnce(argv, env) {
  const started = process.hrtime.bigint();
  const result = spawnSync(NODE, argv, { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${argv.join(" ")} failed: ${result.error ?? result.stderr}`);
  return { ms, inside: JSON.parse(result.stdout) };
}

const dir = mkdtempSync(join(tmpdir(), "rc-bench-cipher-"));
try {
  // Bundled like the CLI: the cipher and the age package in a chunk loaded only by the encrypted cases.
  await build({
    stdin: { contents: COMMAND, resolveDir: ROOT, sourcefile: "command.mjs", loader: "js" },
    outdir: join(dir, "out"),
    entryNames: "command",
    // .mjs: Node 20 does not take a .js file outside a "type": "module" package for ESM.
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    minify: true,
    logLevel: "warning",
  });
  const command = join(dir, "out", "command.mjs");
  const env = { ...process.env, BENCH_PASSPHRASE: "four random words here" };
  const workFactor = args["work-factor"];
  const plainFile = join(dir, "plain.json");
  const sealedFile = join(dir, "sealed.age");
  const text = JSON.stringify(makeJournal(Number(args.entries), Number(args.seed)), undefined, "\t");
  writeFileSync(plainFile, text, { mode: 0o600 });
  writeFileSync(sealedFile, text, { mode: 0o600 });
  runOnce([command, "seal", sealedFile, workFactor], env);

  const cases = [
    { name: "plain", argv: [command, "plain", plainFile] },
    { name: "encrypted", argv: [command, "sequential", sealedFile, workFactor] },
    { name: "encrypted, key early", argv: [command, "early", sealedFile, workFactor] },
  ];
  const nodeVersion = execFileSync(NODE, ["--version"], { encoding: "utf8" }).trim();
  const load = () =>
    loadavg()
      .map((n) => n.toFixed(2))
      .join(" ");
  console.log(
    `Encrypted journal benchmark · Node ${nodeVersion} · ${cpus().length} × ${cpus()[0]?.model ?? "unknown"} · load average ${load()}`,
  );
  console.log(
    `${Number(args.entries).toLocaleString("en")} entries: ${(statSync(plainFile).size / 1e6).toFixed(2)} MB plain, ` +
      `${(statSync(sealedFile).size / 1e6).toFixed(2)} MB encrypted · scrypt log2 N ${workFactor} · ${RUNS} rounds after a warm-up`,
  );

  for (const each of cases) runOnce(each.argv, env);
  const results = cases.map(() => ({ wall: [], inside: [] }));
  for (let round = 0; round < RUNS; round++) {
    cases.forEach((each, i) => {
      const { ms, inside } = runOnce(each.argv, env);
      results[i].wall.push(ms);
      results[i].inside.push(inside);
    });
  }

  const plainMs = median(results[0].wall);
  const plainCpu = median(results[0].inside.map((t) => t.cpu));
  const fmt = (n) => (n === undefined ? "" : n.toFixed(0));
  const phase = (result, name) =>
    result.inside[0][name] === undefined ? undefined : median(result.inside.map((t) => t[name]));
  console.log(
    "\n" +
      [
        "case".padEnd(22),
        "process ms",
        "  min",
        "  × plain",
        "  + ms",
        "  CPU ms",
        "  × plain",
        "  import",
        "  decrypt",
        "  encrypt",
      ].join(""),
  );
  cases.forEach((each, i) => {
    const wall = median(results[i].wall);
    console.log(
      [
        each.name.padEnd(22),
        fmt(wall).padStart(10),
        fmt(Math.min(...results[i].wall)).padStart(5),
        (wall / plainMs).toFixed(2).padStart(9),
        fmt(wall - plainMs).padStart(6),
        fmt(phase(results[i], "cpu")).padStart(8),
        (phase(results[i], "cpu") / plainCpu).toFixed(2).padStart(9),
        fmt(phase(results[i], "load")).padStart(8),
        fmt(phase(results[i], "decrypt")).padStart(9),
        fmt(phase(results[i], "encrypt")).padStart(9),
      ].join(""),
    );
  });
  console.log(`\nload average after: ${load()}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
