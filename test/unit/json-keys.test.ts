import { describe, expect, it } from "vitest";
import { duplicateKeyIn } from "../../src/journal/json-keys.js";
import { fixtureEntries } from "../helpers/journal-fixture.js";

describe("duplicateKeyIn", () => {
  it("finds a key given twice at the top level, with its line", () => {
    const text = '{\n  "version": 1,\n  "entries": [{"id": "a"}],\n  "entries": []\n}';
    expect(JSON.parse(text)).toEqual({ version: 1, entries: [] }); // what JSON.parse alone makes of it
    expect(duplicateKeyIn(text)).toEqual({ key: "entries", line: 4, path: [] });
  });

  it("finds a key given twice in an object inside a list, with the path to that object", () => {
    const text = '{"version":1,"entries":[{"id":"a","mood":3},{"id":"b",\n"mood":3,"mood":9}]}';
    expect(duplicateKeyIn(text)).toEqual({ key: "mood", line: 2, path: ["entries", 1] });
  });

  it("follows nested objects and lists of lists", () => {
    const text = JSON.stringify({ a: [[{ x: 1 }], [{ x: 1, y: { z: 1 } }]] }).replace('"z":1', '"z":1,"z":2');
    expect(duplicateKeyIn(text)).toEqual({ key: "z", line: 1, path: ["a", 1, 0, "y"] });
  });

  it("treats the same key in different objects, or in a parent and a child, as no duplicate", () => {
    expect(duplicateKeyIn('{"a":{"a":{"a":1}},"b":[{"a":1},{"a":2}],"c":{"b":1}}')).toBeUndefined();
    expect(duplicateKeyIn(JSON.stringify({ version: 1, entries: fixtureEntries() }, null, 2))).toBeUndefined();
  });

  it("does not take text inside strings for keys or structure", () => {
    expect(duplicateKeyIn('{"note":"\\"a\\": 1, \\"a\\": 2 } { [","a":1}')).toBeUndefined();
    expect(duplicateKeyIn('{"note":"line\\nbreak","a":"{\\"a\\":1}","list":["a","a"]}')).toBeUndefined();
    // Values that equal a key are values, not keys.
    expect(duplicateKeyIn('{"a":"a","b":"a"}')).toBeUndefined();
  });

  it("reads escaped quotes and backslashes at the end of a key or value correctly", () => {
    expect(duplicateKeyIn('{"a\\\\":1,"a\\"":2}')).toBeUndefined();
    expect(duplicateKeyIn('{"v":"ends in a backslash\\\\","a\\\\":1,"a\\\\":2}')).toEqual({
      key: "a\\",
      line: 1,
      path: [],
    });
  });

  it("compares keys as JSON reads them: escapes decoded", () => {
    expect(duplicateKeyIn('{"a":1,"\\u0061":2}')).toEqual({ key: "a", line: 1, path: [] });
    expect(duplicateKeyIn('{"é":1,"\\u00e9":2}')).toMatchObject({ key: "é" });
    expect(duplicateKeyIn('{"a\\/b":1,"a/b":2}')).toMatchObject({ key: "a/b" });
    expect(duplicateKeyIn('{"\\ud83d\\ude00":1,"😀":2}')).toMatchObject({ key: "😀" });
    expect(duplicateKeyIn('{"a":1,"A":2,"\\u0041\\u0042":3}')).toBeUndefined();
  });

  it("counts lines outside strings only, and handles empty objects and lists", () => {
    const text = '{\r\n"x": {},\r\n"y": [],\r\n"z": [{}, []],\r\n"x": 2}';
    expect(duplicateKeyIn(text)).toEqual({ key: "x", line: 5, path: [] });
  });

  it("ends on text that is not JSON", () => {
    expect(duplicateKeyIn('{"a": "unterminated')).toBeUndefined();
    expect(duplicateKeyIn("}}]]{[,,,")).toBeUndefined();
    expect(duplicateKeyIn("")).toBeUndefined();
  });

  it("handles deep nesting without recursion", () => {
    const depth = 100_000;
    const text = `${"[".repeat(depth)}{"a":1,"a":2}${"]".repeat(depth)}`;
    expect(duplicateKeyIn(text)).toMatchObject({ key: "a", line: 1 });
  });
});
