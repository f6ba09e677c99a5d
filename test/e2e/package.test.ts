import { spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
  mkdirSync,
} from "node:fs";
import { delimiter, dirname, join, relative, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { cliEnv, removeDir, ROOT, tempDir, type CliResult } from "../helpers/cli.js";

/**
 * The package as a person gets it: `npm pack` (which runs prepack, the build) and
 * `npm install` of the tarball into an empty project, offline, with a private npm
 * cache and user config so the machine's own do not matter. Then the tarball's
 * contents, the licences it carries and the installed command are checked.
 *
 * The pack runs in a copy of the project (its node_modules linked, not copied):
 * prepack rebuilds dist/, and rebuilding the project's own dist/ would pull it
 * from under the other suites that run the built CLI at the same time.
 */

/** The packages src/ imports at run time; the build bundles them and all they need. */
const RUNTIME = [
  "@bomb.sh/tab",
  "@inquirer/prompts",
  "@inquirer/external-editor",
  "age-encryption",
  "chalk",
  "chrono-node",
  "commander",
  "fast-string-width",
  "fast-wrap-ansi",
  "ics",
  "yaml",
  "zod",
];

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string; size: number }[];
}

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { name: string; version: string };

let work: string;
let app: string;
let installed: string;
let bin: string;
let pack: PackResult;
let install: CliResult;
const homes: string[] = [];

/** npm without the settings of the npm that may have started the tests. */
function npmEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
}

function run(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeout?: number },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, timeout: options.timeout ?? 120_000 });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end();
  });
}

/** Runs the installed command the way a shell would, through node_modules/.bin. */
function coach(args: string[], home: string): Promise<CliResult> {
  const env = cliEnv(home, { PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ""}` });
  return run(bin, args, { cwd: app, env, timeout: 20_000 });
}

function freshHome(): string {
  const home = tempDir("rc-package-home-");
  homes.push(home);
  return home;
}

/** Every file under a folder, as paths relative to it with forward slashes. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
}

/** The package names and versions of the notices' section headers: "name version (licence)". */
/** Each section's package and version, in order: a package bundled at two versions has two. */
function noticeSections(notices: string): [string, string][] {
  const sections: [string, string][] = [];
  const lines = notices.split("\n");
  lines.forEach((line, index) => {
    if (!/^-{72}$/.test(line)) return;
    const header = /^(\S+) (\S+) \(/.exec(lines[index + 1] ?? "");
    if (header) sections.push([header[1]!, header[2]!]);
  });
  return sections;
}

/**
 * The runtime packages and everything they depend on (not peers), with the
 * versions package-lock.json pins, resolved the way Node looks up node_modules.
 */
/** Whether an installed package holds any JavaScript (its own files, not its nested node_modules). */
function hasCode(dir: string): boolean {
  return readdirSync(dir, { withFileTypes: true }).some((item) =>
    item.isDirectory()
      ? item.name !== "node_modules" && hasCode(join(dir, item.name))
      : /\.(?:c|m)?js$/.test(item.name),
  );
}

function lockedRuntimeClosure(): [string, string][] {
  const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as {
    packages: Record<
      string,
      { version: string; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> }
    >;
  };
  const resolve = (from: string, name: string): string => {
    for (let base = from; ;) {
      const key = `${base ? `${base}/` : ""}node_modules/${name}`;
      if (lock.packages[key]) return key;
      if (!base) throw new Error(`package-lock.json has no ${name} for ${from || "the project"}`);
      const at = base.lastIndexOf("/node_modules/");
      base = at === -1 ? "" : base.slice(0, at);
    }
  };
  // By folder: a package nested at another version (@noble/hashes under @noble/post-quantum) is a second one.
  const found = new Map<string, [string, string]>();
  const seen = new Set<string>();
  const queue = RUNTIME.map((name) => resolve("", name));
  while (queue.length > 0) {
    const key = queue.pop()!;
    if (seen.has(key)) continue;
    seen.add(key);
    const entry = lock.packages[key]!;
    // A package of types only (yup's type-fest) puts nothing in the bundle, so it has no notice.
    if (hasCode(join(ROOT, key))) {
      found.set(key, [key.slice(key.lastIndexOf("node_modules/") + "node_modules/".length), entry.version]);
    }
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
      queue.push(resolve(key, name));
    }
  }
  return [...found.values()];
}

beforeAll(async () => {
  work = tempDir("rc-package-");
  const npmrc = join(work, "npmrc");
  writeFileSync(npmrc, "");
  const npmFlags = ["--cache", join(work, "cache"), "--userconfig", npmrc, "--loglevel", "warn"];

  // The project as a clone has it: no build output, no git folder, no local reports.
  const copy = join(work, "project");
  const left = new Set(["node_modules", ".git", "dist", "coverage", "bench-results"]);
  cpSync(ROOT, copy, {
    recursive: true,
    filter: (source) => !left.has(relative(ROOT, source).split(sep)[0]!),
  });
  symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"), "dir");

  const packed = await run("npm", ["pack", "--json", "--pack-destination", work, ...npmFlags], {
    cwd: copy,
    env: npmEnv(),
  });
  expect(packed.code, packed.stderr).toBe(0);
  pack = (JSON.parse(packed.stdout) as PackResult[])[0]!;

  app = join(work, "app");
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "pack-consumer", private: true }));
  install = await run(
    "npm",
    ["install", "--offline", "--no-audit", "--no-fund", ...npmFlags, join(work, pack.filename)],
    { cwd: app, env: npmEnv() },
  );
  expect(install.code, install.stderr).toBe(0);
  installed = join(app, "node_modules", pkg.name);
  bin = join(app, "node_modules", ".bin", pkg.name);
}, 300_000);

afterAll(() => {
  if (work) removeDir(work);
  homes.forEach(removeDir);
});

describe("the packed and installed package", () => {
  it("installs as exactly one package, with no install-scripts warning and no dependencies or install scripts declared", async () => {
    expect(readdirSync(join(app, "node_modules")).filter((name) => !name.startsWith("."))).toEqual([pkg.name]);
    const ls = await run("npm", ["ls", "--all", "--parseable"], { cwd: app, env: npmEnv() });
    expect(ls.code, ls.stderr).toBe(0);
    expect(ls.stdout.trim().split("\n")).toEqual([app, installed]);
    expect(install.stdout).toMatch(/added 1 package\b/);
    expect(install.stderr).not.toMatch(/install-scripts/);

    const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8")) as Record<string, unknown>;
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.optionalDependencies ?? {}).toEqual({});
    expect(manifest.peerDependencies ?? {}).toEqual({});
    const scripts = (manifest.scripts ?? {}) as Record<string, string>;
    for (const hook of ["preinstall", "install", "postinstall", "prepare"]) expect(scripts[hook], hook).toBeUndefined();
  });

  it("the tarball holds the built CLI, content, licences and readme, and no source maps, sources, tests or scripts", () => {
    const paths = pack.files.map((file) => file.path);
    expect(paths.filter((path) => path.endsWith(".map"))).toEqual([]);
    expect(paths.filter((path) => /^(src|test|scripts)\//.test(path))).toEqual([]);
    for (const path of [
      "package.json",
      "LICENSE",
      "README.md",
      "bin/rejection-coach.js",
      "dist/main.js",
      "dist/THIRD-PARTY-NOTICES.txt",
      "content/strategies.yaml",
    ]) {
      expect(paths, path).toContain(path);
    }
  });

  it("the notices name each runtime dependency at the version the build bundled", () => {
    const sections = noticeSections(readFileSync(join(installed, "dist", "THIRD-PARTY-NOTICES.txt"), "utf8"));
    for (const name of RUNTIME) {
      const { version } = JSON.parse(readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8")) as {
        version: string;
      };
      expect(sections, name).toContainEqual([name, version]);
    }
  });

  it("the notices name exactly the runtime dependencies and the packages they depend on, at the locked versions", () => {
    const sections = noticeSections(readFileSync(join(installed, "dist", "THIRD-PARTY-NOTICES.txt"), "utf8"));
    const sorted = (pairs: [string, string][]) => pairs.map((pair) => pair.join(" ")).sort();
    expect(sorted(sections)).toEqual(sorted(lockedRuntimeClosure()));
  });

  it("the installed command prints the package's version", async () => {
    const result = await coach(["--version"], freshHome());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe(pkg.version);
  });

  it("the installed command lists every strategy with `tips`", async () => {
    const result = await coach(["tips"], freshHome());
    expect(result.code, result.stderr).toBe(0);
    const { strategies } = parseYaml(readFileSync(join(installed, "content", "strategies.yaml"), "utf8")) as {
      strategies: { id: string }[];
    };
    expect(strategies.length).toBeGreaterThan(0);
    for (const { id } of strategies) expect(result.stdout, id).toContain(`(${id})`);
  });

  it("the installed command logs a rejection without prompts and lists it", async () => {
    const home = freshHome();
    const logged = await coach(
      [
        "log",
        "--company",
        "Acme",
        "--role",
        "Tester",
        "--stage",
        "interview",
        "--ended",
        "rejected",
        "--mood",
        "5",
        "--json",
      ],
      home,
    );
    expect(logged.code, logged.stderr).toBe(0);
    const entry = JSON.parse(logged.stdout) as { id: string };
    expect(entry).toMatchObject({ company: "Acme", role: "Tester", stage: "interview", ended: "rejected", mood: 5 });

    const listed = await coach(["list", "--json"], home);
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([entry]);
  });

  it("the installed command never builds: it has no sources and leaves dist/ as installed", async () => {
    expect(existsSync(join(installed, "src"))).toBe(false);
    const snapshot = () =>
      filesUnder(join(installed, "dist")).map((file) => [file, statSync(join(installed, "dist", file)).mtimeMs]);
    const before = snapshot();
    const home = freshHome();
    for (const args of [["--version"], ["tips"], ["list", "--json"]]) {
      const result = await coach(args, home);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr, args.join(" ")).not.toMatch(/building/i);
    }
    expect(snapshot()).toEqual(before);
  });

  it("the installed files are the tarball's files (reports the package's size)", () => {
    const onDisk = filesUnder(installed);
    expect(onDisk).toEqual(pack.files.map((file) => file.path).sort());
    const installedBytes = onDisk.reduce((sum, file) => sum + statSync(join(installed, file)).size, 0);
    expect(installedBytes).toBe(pack.unpackedSize);
    const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
    console.log(
      `${pack.filename}: packed ${kB(pack.size)}, unpacked ${kB(pack.unpackedSize)}, ${pack.entryCount} files`,
    );
  });
});
