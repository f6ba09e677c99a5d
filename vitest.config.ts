import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string };

/**
 * The suites that start many processes, stop or kill them, or lean on the file
 * system: crashes and kills mid-save, processes racing for the lock, stop
 * signals, permissions, FIFOs and mounts. `npm run test:slow` runs them.
 */
const SLOW = [
  "test/e2e/cli-crash.test.ts",
  "test/e2e/concurrency.test.ts",
  "test/e2e/content-hostile.test.ts",
  "test/e2e/encrypted-concurrency.test.ts",
  "test/e2e/encrypted-crash.test.ts",
  "test/e2e/encrypted-day.test.ts",
  "test/e2e/export-target.test.ts",
  "test/e2e/filesystem.test.ts",
  "test/e2e/package.test.ts",
  "test/e2e/privacy.test.ts",
  "test/e2e/stop-signals.test.ts",
  "test/e2e/store-crash.test.ts",
  "test/e2e/store-files.test.ts",
];

/**
 * Vitest's default is one worker fewer than the cores: one worker on a 2-core
 * machine. The terminal and process tests spend most of their time waiting for
 * the CLI they started, so the fast projects run one worker more than the cores.
 * The slow ones keep the default: they time processes racing each other.
 */
const FAST_WORKERS = availableParallelism() + 1;

export default defineConfig({
  // The build defines the version; in-process runs of the CLI from source need it too.
  define: { PACKAGE_VERSION: JSON.stringify(pkg.version) },
  test: {
    reporters: ["default", "./test/helpers/summary-reporter.ts"],
    projects: [
      // Modules and flows with fake prompts: no build, no process.
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts", "test/flows/**/*.test.ts"],
          // Property tests use a fixed seed (PROPERTY_SEED overrides it).
          setupFiles: ["./test/helpers/property-seed.ts"],
          maxWorkers: FAST_WORKERS,
          // A limit only against a hang: property tests that write journals take what the disk takes.
          testTimeout: 30_000,
        },
      },
      // The CLI run in-process (runInProcess): flags, usage, output, exit codes, journal files. No build.
      {
        extends: true,
        test: { name: "cli", include: ["test/cli/**/*.test.ts"], maxWorkers: FAST_WORKERS, testTimeout: 30_000 },
      },
      // The built CLI in a pseudo-terminal or as a process: prompts, locales, streams, the bundle itself.
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          globalSetup: ["./test/helpers/built-cli.ts"],
          exclude: SLOW,
          maxWorkers: FAST_WORKERS,
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      // Many processes, stopped or killed: give them room on a 2-core machine. Run with the
      // others (plain `vitest run`), they come after them, with their own worker count.
      {
        extends: true,
        test: {
          name: "slow",
          include: SLOW,
          globalSetup: ["./test/helpers/built-cli.ts"],
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
