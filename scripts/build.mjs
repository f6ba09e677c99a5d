// Bundles the CLI into dist/ with esbuild: one file per lazily loaded part,
// so a command loads only what it uses and Node reads a few files, not hundreds.
// Every runtime dependency is inside the bundle, so the published package needs
// none: `npx rejection-coach` downloads one package. Their licences go with it.
//
//   node scripts/build.mjs               what is published: no source maps
//   node scripts/build.mjs --sourcemap   for debugging: stack traces point into src/
//   node scripts/build.mjs --keep        over the last build, leaving its files for a process
//                                        still running from them (a clone rebuilding itself)
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";
import { thirdPartyNotices } from "./third-party-notices.mjs";

const { values: flags } = parseArgs({
  options: { sourcemap: { type: "boolean", default: false }, keep: { type: "boolean", default: false } },
});
const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
if (!flags.keep) rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });

const REQUIRE_BANNER =
  'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);';

const bundle = await build({
  entryPoints: ["src/main.ts"],
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: flags.sourcemap,
  minify: true,
  // The licences are shipped whole in THIRD-PARTY-NOTICES.txt, written below.
  legalComments: "none",
  metafile: true,
  chunkNames: "chunks/[name]-[hash]",
  define: { PACKAGE_VERSION: JSON.stringify(pkg.version) },
  // Bundled CommonJS dependencies call require() (see keepRequireWhereUsed below).
  banner: { js: REQUIRE_BANNER },
  logLevel: "warning",
});

keepRequireWhereUsed(Object.keys(bundle.metafile.outputs));
writeFileSync(
  new URL("../dist/THIRD-PARTY-NOTICES.txt", import.meta.url),
  thirdPartyNotices(bundle.metafile, pkg.name),
);

// Validate the built-in content now and keep it as JSON, so commands need not
// parse YAML on every start while the files are unchanged (see src/content/cache.ts).
const cacheBuilder = new URL("../dist/build-content-cache.mjs", import.meta.url);
await build({
  entryPoints: ["src/content/build-cache.ts"],
  outfile: fileURLToPath(cacheBuilder),
  bundle: true,
  packages: "external",
  format: "esm",
  platform: "node",
  target: "node20",
  logLevel: "warning",
});
const { buildContentCache } = await import(cacheBuilder.href);
writeFileSync(new URL("../dist/content.json", import.meta.url), buildContentCache());
rmSync(cacheBuilder);

// Written last: a build that did not finish leaves no mark, and the next start builds again.
writeFileSync(new URL("../dist/.built", import.meta.url), `${new Date().toISOString()}\n`);

/**
 * esbuild puts the banner in every file it writes, but only the file holding
 * its CommonJS runtime refers to `require`: building a require function costs
 * each of the others a few hundred microseconds at start-up, for nothing.
 */
function keepRequireWhereUsed(outputs) {
  for (const output of outputs.filter((path) => path.endsWith(".js"))) {
    const text = readFileSync(output, "utf8");
    const body = text.startsWith(REQUIRE_BANNER) ? text.slice(REQUIRE_BANNER.length) : text;
    // The banner's line break stays, so that source maps still count lines right.
    if (body !== text && !/\brequire\b/.test(body)) writeFileSync(output, body);
  }
}
