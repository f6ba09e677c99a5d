// Bundles the CLI into dist/ with esbuild: one file per lazily loaded part,
// so a command loads only what it uses and Node reads a few files, not hundreds.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });

await build({
  entryPoints: ["src/main.ts"],
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: true,
  minify: true,
  chunkNames: "chunks/[name]-[hash]",
  define: { PACKAGE_VERSION: JSON.stringify(pkg.version) },
  // Bundled CommonJS dependencies call require().
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
  logLevel: "warning",
});

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
