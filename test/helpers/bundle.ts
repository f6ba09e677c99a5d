import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { ROOT } from "./cli.js";

/**
 * Bundles a TypeScript helper (and the src/ modules it imports) into one .mjs
 * file that plain node starts quickly, the way scripts/build.mjs bundles the CLI.
 * Tests that start a child process many times use this instead of tsx.
 */
export async function bundleScript(entry: string): Promise<string> {
  const outfile = join(mkdtempSync(join(tmpdir(), "rc-bundle-")), "script.mjs");
  await build({
    entryPoints: [join(ROOT, entry)],
    outfile,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // As the build defines it: the seal names the version that wrote it.
    define: { PACKAGE_VERSION: JSON.stringify(packageVersion()) },
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
    },
    logLevel: "warning",
  });
  return outfile;
}

const packageVersion = (): string =>
  (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
