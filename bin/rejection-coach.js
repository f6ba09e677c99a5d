#!/usr/bin/env node
import { existsSync } from "node:fs";
import module from "node:module";

// Node 22.1 and later keep the compiled bundle between runs: a quicker start for
// a tool started many times a day. Older Node has no such cache and skips this.
module.enableCompileCache?.();

// A clone of the repository (it has src/) builds itself on first run and after
// its sources change, so `npm install && npx rejection-coach` works there without
// an install script, which the published package (no src/) must not carry.
if (existsSync(new URL("../src/main.ts", import.meta.url))) {
  const { buildIfStale } = await import("../scripts/build-if-stale.mjs");
  buildIfStale();
}

await import("../dist/main.js");
