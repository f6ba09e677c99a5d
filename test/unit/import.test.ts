import { EXPORT_VERSION } from "../../src/journal/export-version.js";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { formatJson } from "../../src/export/json.js";
import { formatYaml } from "../../src/export/yaml.js";
import type { Journal } from "../../src/journal/entry.js";
import { applyImport, changesJournal, ImportError, parseExport, planImport } from "../../src/journal/import.js";
import { rejection, win } from "../helpers/fixtures.js";
import { fixtureEntries } from "../helpers/journal-fixture.js";

const entries = fixtureEntries();
const json = (value: unknown) => JSON.stringify(value);

describe("parseExport", () => {
  it("reads the JSON export back to the same entries", () => {
    expect(parseExport(formatJson(entries))).toEqual(entries);
  });

  it("reads the YAML export back to the same entries", () => {
    expect(parseExport(formatYaml(entries))).toEqual(entries);
  });

  it("accepts a byte order mark and fills the defaults an entry may leave out", () => {
    const { tags: _tags, checkins: _checkins, ...bare } = rejection({ id: "b0000001" });
    const [entry] = parseExport(`\uFEFF${json({ version: 1, entries: [bare] })}`);
    expect(entry).toMatchObject({ id: "b0000001", tags: [], checkins: [] });
  });

  const refused: [string, string, RegExp][] = [
    ["an empty file", "  \n", /is empty/],
    ["broken JSON", '{"version": 1, "entries": [', /f: is not valid JSON/],
    ["broken YAML", "version: 1\nentries: [\n", /f: is neither JSON nor valid YAML/],
    ["plain text", "hello there", /f: is not a rejection-coach export/],
    ["a bare list", "[1, 2]", /is not a rejection-coach export/],
    ["no version", json({ entries: [] }), /has no `version` field/],
    ["a version that is not a number", json({ version: "1", entries: [] }), /field `version` must be a whole number/],
    ["a newer version", json({ version: EXPORT_VERSION + 1, entries: [] }), /newer rejection-coach \(version 3/],
    ["entries that are not a list", json({ version: 1, entries: {} }), /field `entries` must be a list/],
  ];
  for (const [name, text, message] of refused) {
    it(`refuses ${name}`, () => {
      expect(() => parseExport(text, "f")).toThrow(ImportError);
      expect(() => parseExport(text, "f")).toThrow(message);
    });
  }

  it("names the entry (position and id) and the field of the first bad entry", () => {
    const bad = [rejection({ id: "b0000001" }), { ...rejection({ id: "b0000002" }), mood: "low" }];
    expect(() => parseExport(json({ version: 1, entries: bad }), "f")).toThrow(
      /^f: entry #2 \(id "b0000002"\): field `mood` .*; nothing was imported$/,
    );
  });

  it("names nested fields and entries without an id", () => {
    const nested = rejection({ id: "b0000003" }) as unknown as { actions: unknown[] };
    nested.actions = [{ id: "ac000001", text: "", createdAt: "2026-11-02T10:00:00.000Z" }];
    expect(() => parseExport(json({ version: 1, entries: [nested] }))).toThrow(/field `actions.0.text`/);
    expect(() => parseExport(json({ version: 1, entries: [{ kind: "rejection" }] }))).toThrow(/entry #1: field `id`/);
    expect(() => parseExport(json({ version: 1, entries: [{ ...win(), kind: "loss" }] }))).toThrow(/field `kind`/);
    expect(() => parseExport(json({ version: 1, entries: ["text"] }))).toThrow(
      /entry #1: field `\(the entry itself\)`/,
    );
  });

  it("refuses an id used twice in the file", () => {
    const twice = [rejection({ id: "b0000004" }), win(), rejection({ id: "b0000004", company: "Other" })];
    expect(() => parseExport(json({ version: 1, entries: twice }))).toThrow(
      /entry #3 \(id "b0000004"\): the id is already used by entry #1/,
    );
  });

  it("reads hand-written YAML with unquoted dates", () => {
    const text = stringify({ version: 1, entries: [rejection({ id: "b0000005" })] }).replace(/"/g, "");
    expect(parseExport(text)[0]!.date).toBe("2026-11-02");
  });
});

describe("planImport and applyImport", () => {
  const mine = rejection({ id: "c0000001", company: "Mine" });
  const same = rejection({ id: "c0000002" });
  const journal = (): Journal => ({ version: 1, entries: [structuredClone(mine), structuredClone(same)] });
  const theirs = { ...mine, company: "Theirs" };
  const fresh = win({ id: "c0000003" });

  it("adds new ids, skips identical entries and reports conflicts", () => {
    const plan = planImport(journal(), [theirs, same, fresh]);
    expect(plan.added.map((e) => e.id)).toEqual(["c0000003"]);
    expect(plan.skipped.map((e) => e.id)).toEqual(["c0000002"]);
    expect(plan.conflicts).toEqual([{ mine, theirs }]);
  });

  it("treats key order and a missing optional field as the same entry", () => {
    const reordered = Object.fromEntries(Object.entries(same).reverse()) as typeof same;
    expect(planImport(journal(), [reordered]).skipped).toHaveLength(1);
    expect(planImport(journal(), [{ ...same, note: undefined }]).skipped).toHaveLength(1);
  });

  it("keeps mine on a conflict by default, takes theirs when asked", () => {
    const kept = journal();
    applyImport(kept, planImport(kept, [theirs, fresh]));
    expect(kept.entries.map((e) => e.company)).toEqual(["Mine", "Acme", undefined]);

    const taken = journal();
    applyImport(taken, planImport(taken, [theirs, fresh], "theirs"));
    expect(taken.entries.map((e) => e.company)).toEqual(["Theirs", "Acme", undefined]);
  });

  it("knows when there is nothing to write", () => {
    expect(changesJournal(planImport(journal(), [same]))).toBe(false);
    expect(changesJournal(planImport(journal(), [theirs]))).toBe(false);
    expect(changesJournal(planImport(journal(), [theirs], "theirs"))).toBe(true);
    expect(changesJournal(planImport(journal(), [fresh]))).toBe(true);
  });

  it("the fixture journal exported and planned against itself is all skips", () => {
    const full: Journal = { version: 1, entries };
    const plan = planImport(full, parseExport(formatJson(entries)));
    expect(plan.skipped).toHaveLength(entries.length);
    expect(plan.added.length + plan.conflicts.length).toBe(0);
  });
});

describe("keys given twice in a JSON import", () => {
  const entry = json(rejection({ id: "d0000001" }));

  it("refuses a second `entries` that would empty the import, naming the key and line", () => {
    const text = `{\n  "version": 1,\n  "entries": [${entry}],\n  "entries": []\n}`;
    expect(() => parseExport(text, "f")).toThrow(
      /^f: line 4: key "entries" is given twice in the top-level object; nothing was imported$/,
    );
  });

  it("refuses a field given twice in one entry, naming the entry", () => {
    const twice = entry.replace('"mood":5', '"mood":5,"mood":9');
    expect(twice).not.toBe(entry);
    expect(() =>
      parseExport(`{"version":1,"entries":[${entry.replace("d0000001", "d0000002")},${twice}]}`, "f"),
    ).toThrow(/^f: line 1: key "mood" is given twice in entry #2 \(at entries\[1\]\); nothing was imported$/);
  });

  it("counts an escaped key as the same key", () => {
    expect(() => parseExport('{"version":1,"\\u0076ersion":1,"entries":[]}', "f")).toThrow(
      /key "version" is given twice/,
    );
  });
});

describe("next-step ids", () => {
  const step = (id: string) => ({ id, text: "Send a thank-you note", createdAt: "2026-11-02T10:00:00.000Z" });
  const withSteps = (id: string, ...ids: string[]) => rejection({ id, actions: ids.map(step) });

  it("refuses an entry that lists the same step id twice", () => {
    const text = json({
      version: 1,
      entries: [withSteps("e0000001", "ac000001"), withSteps("e0000002", "ac000002", "ac000002")],
    });
    expect(() => parseExport(text, "f")).toThrow(
      /^f: entry #2 \(id "e0000002"\): next step id "ac000002" is used twice in this entry; nothing was imported$/,
    );
  });

  it("refuses two entries of the file that share a step id", () => {
    const text = json({ version: 1, entries: [withSteps("e0000003", "ac000003"), withSteps("e0000004", "ac000003")] });
    expect(() => parseExport(text, "f")).toThrow(
      /^f: entry #2 \(id "e0000004"\): next step id "ac000003" is already used by entry #1; nothing was imported$/,
    );
  });

  const journal = (): Journal => ({
    version: 1,
    entries: [withSteps("f0000001", "ac000010"), win({ id: "f0000002" })],
  });

  it("refuses a new entry whose step id another entry of the journal has, changing nothing", () => {
    const before = journal();
    const incoming = [win({ id: "f0000003" }), withSteps("f0000004", "ac000011", "ac000010")];
    expect(() => planImport(before, incoming, "mine", "f")).toThrow(
      /^f: entry #2 \(id "f0000004"\): next step id "ac000010" is already used by entry f0000001 in your journal; .*nothing was imported$/,
    );
    expect(before).toEqual(journal());
  });

  it("refuses the clash when --prefer theirs would bring the step in, not when mine is kept", () => {
    const current: Journal = { version: 1, entries: [...journal().entries, withSteps("f0000005", "ac000020")] };
    const theirs = withSteps("f0000005", "ac000010");
    expect(planImport(current, [theirs], "mine").conflicts).toHaveLength(1);
    expect(() => planImport(current, [theirs], "theirs")).toThrow(
      /next step id "ac000010" is already used by entry f0000001/,
    );
  });

  it("accepts the same step ids when the entry that had them is the one replaced", () => {
    const current = journal();
    const theirs = { ...withSteps("f0000001", "ac000010", "ac000012"), company: "Renamed" };
    const plan = planImport(current, [theirs], "theirs");
    applyImport(current, plan);
    expect(current.entries[0]).toMatchObject({ company: "Renamed" });
  });
});
