import { stringify } from "yaml";
import type { Entry } from "../journal/entry.js";
import { exportDocument } from "./json.js";

/** The same document as the JSON export, as YAML: easier to read, and `import` reads it too. */
export function formatYaml(entries: readonly Entry[]): string {
  // Written with YAML 1.1's rules, so strings that an older reader would take for
  // a date, a number or a yes/no (2026-11-02, 12345678, on) are quoted; lineWidth 0
  // keeps long notes on one line instead of folding them.
  return stringify(exportDocument(entries), { version: "1.1", lineWidth: 0 });
}
