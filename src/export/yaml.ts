import { Document, Scalar, visit } from "yaml";
import type { Entry } from "../journal/entry.js";
import { exportDocument } from "./json.js";

/**
 * A line of only spaces or tabs inside a block scalar (`|`) reads back as an
 * empty line, so text with such a line is written double-quoted instead.
 */
const BLANK_LINE_WITH_SPACES = /(^|\n)[ \t]+(\n|$)/;

/** The same document as the JSON export, as YAML: easier to read, and `import` reads it too. */
export function formatYaml(entries: readonly Entry[]): string {
  // Written with YAML 1.1's rules, so strings that an older reader would take for
  // a date, a number or a yes/no (2026-11-02, 12345678, on) are quoted; lineWidth 0
  // keeps long notes on one line instead of folding them.
  const doc = new Document(exportDocument(entries), { version: "1.1" });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === "string" && BLANK_LINE_WITH_SPACES.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return doc.toString({ lineWidth: 0 });
}
