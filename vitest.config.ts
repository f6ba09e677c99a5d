import { readFileSync } from "node:fs";
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
  "test/e2e/export-target.test.ts",
  "test/e2e/filesystem.test.ts",
  "test/e2e/privacy.test.ts",
  "test/e2e/stop-signals.test.ts",
  "test/e2e/store-crash.test.ts",
  "test/e2e/store-files.test.ts",
];

export default defineConfig({
  // The build defines the version; in-process runs of the CLI from source need it too.
  define: { PACKAGE_VERSION: JSON.stringify(pkg.version) },
  test: {
    reporters: ["default", "./test/helpers/summary-reporter.ts"],
    projects: [
      // Modules and flows with fake prompts: no build, no process.
      { extends: true, test: { name: "unit", include: ["test/unit/**/*.test.ts", "test/flows/**/*.test.ts"] } },
      // The CLI run in-process (runInProcess): flags, usage, output, exit codes, journal files. No build.
      { extends: true, test: { name: "cli", include: ["test/cli/**/*.test.ts"] } },
      // The built CLI in a pseudo-terminal or as a process: prompts, locales, streams, the bundle itself.
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          exclude: SLOW,
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      // Many processes, stopped or killed: give them room on a 2-core machine.
      { extends: true, test: { name: "slow", include: SLOW, testTimeout: 60_000, hookTimeout: 60_000 } },
    ],
  },
});
