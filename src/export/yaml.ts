import { Document, Scalar, visit } from "yaml";
import type { Entry } from "../journal/entry.js";
import { exportDocument } from "./json.js";

/**
 * A line of only spaces or tabs inside a block scalar (`|`) reads back as an
 * empty line, so text with such a line is written double-quoted instead.
 */
const BLANK_LINE_WITH_SPACES = /(^|\n)[ \t]+(\n|$)/;

/**
 * Plain text that a YAML 1.2 reader (and `import`) takes for a number, a boolean
 * or null. Writing with 1.1's rules quotes most of these already, but not 1.2's
 * own forms such as 0o17; quoting both keeps the file the same text for either reader.
 */
const NOT_TEXT_IN_YAML_1_2 =
  /^(?:[-+]?(?:0o[0-7]+|0x[0-9a-fA-F]+|[0-9]+|(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|\.(?:inf|Inf|INF))|\.(?:nan|NaN|NAN)|null|Null|NULL|~|true|True|TRUE|false|False|FALSE)$/;

/** The same document as the JSON export, as YAML: easier to read, and `import` reads it too. */
export function formatYaml(entries: readonly Entry[]): string {
  // Written with YAML 1.1's rules, so strings that an older reader would take for
  // a date, a number or a yes/no (2026-11-02, 12345678, on) are quoted; lineWidth 0
  // keeps long notes on one line instead of folding them.
  const doc = new Document(exportDocument(entries), { version: "1.1" });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== "string") return;
      if (BLANK_LINE_WITH_SPACES.test(node.value) || NOT_TEXT_IN_YAML_1_2.test(node.value)) {
        node.type = Scalar.QUOTE_DOUBLE;
      }
    },
  });
  return doc.toString({ lineWidth: 0 });
}
