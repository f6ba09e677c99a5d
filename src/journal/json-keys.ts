/** A key that one JSON object holds twice, where the second one is. */
export interface DuplicateKey {
  key: string;
  /** 1-based line of the second occurrence. */
  line: number;
  /** Keys and list positions from the top down to the object that holds the key twice ([] for the top level). */
  path: (string | number)[];
}

interface Frame {
  /** Keys seen so far in an object; undefined for a list. */
  keys?: Set<string>;
  /** The key being read in an object, or the position in a list. */
  at: string | number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The first key that appears twice in one object of a JSON text, or undefined.
 * JSON.parse keeps the last value of a repeated key without a word, so a file
 * with `"entries": [...]` followed by `"entries": []` would read as empty; this
 * finds such a key instead. Keys are compared as JSON reads them, escapes
 * decoded (`"a"` and `"\u0061"` are one key).
 *
 * Meant for text that JSON.parse has already accepted: on anything else it
 * still ends, but what it reports is undefined. One pass, no recursion, so a
 * large or deeply nested file costs time in proportion to its length.
 */
export function duplicateKeyIn(text: string): DuplicateKey | undefined {
  const frames: Frame[] = [];
  let line = 1;
  // In an object, the next string is a key after `{` or `,`; after `:` it is a value.
  let keyNext = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x20) {
      // Whitespace, most of a pretty-printed file: only line breaks matter.
      if (code === 0x0a) line++;
    } else if (code === QUOTE) {
      const end = closingQuote(text, i);
      if (end < 0) return undefined;
      const top = frames[frames.length - 1];
      if (keyNext && top?.keys) {
        const key = decodeKey(text, i, end);
        if (top.keys.has(key)) return { key, line, path: frames.slice(0, -1).map((frame) => frame.at) };
        top.keys.add(key);
        top.at = key;
        keyNext = false;
      }
      i = end;
    } else if (code === 0x7b /* { */) {
      frames.push({ keys: new Set(), at: "" });
      keyNext = true;
    } else if (code === 0x5b /* [ */) {
      frames.push({ at: 0 });
      keyNext = false;
    } else if (code === 0x7d /* } */ || code === 0x5d /* ] */) {
      frames.pop();
      keyNext = false;
    } else if (code === 0x2c /* , */) {
      const top = frames[frames.length - 1];
      if (top?.keys) keyNext = true;
      else if (top) top.at = (top.at as number) + 1;
    }
  }
  return undefined;
}

/** The index of the quote that ends the string starting at `start`, or -1. */
function closingQuote(text: string, start: number): number {
  let end = start;
  for (;;) {
    end = text.indexOf('"', end + 1);
    if (end < 0) return -1;
    // A quote ends the string unless an odd number of backslashes comes before it.
    let slashes = 0;
    while (text.charCodeAt(end - 1 - slashes) === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return end;
  }
}

function decodeKey(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end);
  if (!raw.includes("\\")) return raw;
  try {
    return JSON.parse(text.slice(start, end + 1)) as string;
  } catch {
    return raw;
  }
}

/** Where a repeated key is, in words: "line 4: key \"mood\" is given twice in entry #2 (at entries[1])". */
export function describeDuplicateKey({ key, line, path }: DuplicateKey): string {
  const at = path.map((part, index) => (typeof part === "number" ? `[${part}]` : index ? `.${part}` : part)).join("");
  const where =
    path[0] === "entries" && typeof path[1] === "number"
      ? `entry #${path[1] + 1} (at ${at})`
      : at
        ? `the object at ${at}`
        : "the top-level object";
  return `line ${line}: key ${JSON.stringify(key)} is given twice in ${where}`;
}
