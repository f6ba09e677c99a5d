import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadContent } from "../../src/content/load.js";
import { ContentError } from "../../src/errors.js";
import { removeDir, tempDir } from "../helpers/cli.js";

let own: string;
beforeEach(() => (own = tempDir("rc-themes-")));
afterEach(() => removeDir(own));
const write = (text: string) => writeFileSync(join(own, "feedback-themes.yaml"), text);

describe("feedback themes in content", () => {
  it("the built-in file validates, with unique ids and keywords for each theme", () => {
    const { feedbackThemes } = loadContent();
    expect(feedbackThemes.length).toBeGreaterThanOrEqual(5);
    expect(new Set(feedbackThemes.map((t) => t.id)).size).toBe(feedbackThemes.length);
    for (const theme of feedbackThemes) expect(theme.keywords.length).toBeGreaterThan(0);
  });

  it("a person's folder adds themes and replaces built-in ones by id", () => {
    write(
      "themes:\n  - { id: pay, label: money talk, keywords: [money] }\n  - { id: travel, label: travel, keywords: [travel] }\n",
    );
    const themes = loadContent({ userDir: own }).feedbackThemes;
    expect(themes.find((t) => t.id === "pay")).toEqual({ id: "pay", label: "money talk", keywords: ["money"] });
    expect(themes.some((t) => t.id === "travel")).toBe(true);
    expect(themes.some((t) => t.id === "communication")).toBe(true);
  });

  it("a theme without keywords is reported with file, line and field", () => {
    write("themes:\n  - id: empty\n    label: Empty\n    keywords: []\n");
    expect(() => loadContent({ userDir: own })).toThrow(ContentError);
    expect(() => loadContent({ userDir: own })).toThrow(/feedback-themes\.yaml:4:\d+: theme 'empty': field 'keywords'/);
  });

  it("refuses a theme defined twice", () => {
    write("themes:\n  - { id: a, label: A, keywords: [aa] }\n  - { id: a, label: B, keywords: [bb] }\n");
    expect(() => loadContent({ userDir: own })).toThrow(/theme 'a' is defined twice/);
  });
});
