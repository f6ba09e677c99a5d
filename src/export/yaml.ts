import { Document, Scalar, visit } from "yaml";
import type { Entry } from "../journal/entry.js";
import { hasInvisible, replaceInvisible } from "./invisible.js";
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

/**
 * DEL and the C1 controls (U+0080 to U+009F; U+009B alone starts a terminal
 * control sequence), which the YAML writer leaves raw even inside double quotes.
 */
const RAW_CONTROL = /[\u007f-\u009f]/;
const RAW_CONTROLS = new RegExp(RAW_CONTROL.source, "g");

/**
 * Text the writer would leave raw and a terminal would act on or hide: such
 * strings are written double-quoted, where `\x9b` and `\u202e` escapes read
 * back as exactly the same text.
 */
const needsEscapes = (text: string): boolean => RAW_CONTROL.test(text) || hasInvisible(text);

const hex = (char: string, digits: number): string =>
  char.codePointAt(0)!.toString(16).toUpperCase().padStart(digits, "0");

/**
 * Escapes what the writer left raw. Only double-quoted strings can hold these
 * characters by then (needsEscapes put every such string in double quotes, and
 * the keys are the export's own names), so an escape is valid wherever one is put.
 */
const escapeRaw = (yaml: string): string =>
  replaceInvisible(yaml, (char) => `\\u${hex(char, 4)}`).replace(RAW_CONTROLS, (char) => `\\x${hex(char, 2)}`);

/** The same document as the JSON export, as YAML: easier to read, and `import` reads it too. */
export function formatYaml(entries: readonly Entry[]): string {
  // Written with YAML 1.1's rules, so strings that an older reader would take for
  // a date, a number or a yes/no (2026-11-02, 12345678, on) are quoted; lineWidth 0
  // keeps long notes on one line instead of folding them.
  const doc = new Document(exportDocument(entries), { version: "1.1" });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== "string") return;
      if (
        BLANK_LINE_WITH_SPACES.test(node.value) ||
        NOT_TEXT_IN_YAML_1_2.test(node.value) ||
        needsEscapes(node.value)
      ) {
        node.type = Scalar.QUOTE_DOUBLE;
      }
    },
  });
  return escapeRaw(doc.toString({ lineWidth: 0 }));
}
