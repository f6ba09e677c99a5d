import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { removeDir, tempDir } from "../helpers/cli.js";
import { runInProcess } from "../helpers/run-in-process.js";

let dataDir: string;
beforeEach(() => (dataDir = tempDir()));
afterEach(() => removeDir(dataDir));

const run = (args: string[], input?: string) => runInProcess(args, { dataDir, input });

interface ThoughtJson {
  thought: string;
  traps: { id: string; label: string; cues: string[] }[];
}
const json = async (args: string[], input?: string): Promise<ThoughtJson> => {
  const result = await run(["thought", ...args, "--json"], input);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as ThoughtJson;
};

describe("thought", () => {
  it("names the likely trap with the words that suggest it, best first", async () => {
    const result = await json(["Nobody", "is", "ever", "going", "to", "hire", "me."]);
    expect(result.thought).toBe("Nobody is ever going to hire me.");
    expect(result.traps.length).toBeGreaterThan(0);
    const [first] = result.traps;
    expect(["overgeneralising", "fortune-telling"]).toContain(first!.id);
    expect(first!.label).toBeTruthy();
    for (const trap of result.traps) {
      expect(trap.cues.length).toBeGreaterThan(0);
      for (const cue of trap.cues) expect(result.thought.toLowerCase()).toContain(cue.toLowerCase());
    }
    expect(Object.keys(first!).sort()).toEqual(["cues", "id", "label"]);
  });

  it("gives an empty list for a plain feeling or fact, and for a negated trap", async () => {
    for (const thought of [
      "I am disappointed and want a quiet evening",
      "the role needed more Kubernetes than I have",
      "I don't think it was my fault",
    ]) {
      expect((await json([thought])).traps, thought).toEqual([]);
    }
  });

  it("reads the thought from standard input, cut to a few lines", async () => {
    const result = await json([], "I'm such a failure at interviews\n");
    expect(result.thought).toBe("I'm such a failure at interviews");
    expect(result.traps[0]?.id).toBe("labelling");
    const long = await json([], `I'm a failure. ${"and then some more words ".repeat(500)}`);
    expect(long.thought.length).toBeLessThanOrEqual(2000);
  });

  it("shows each trap with its question and a strategy that helps, on a terminal or not", async () => {
    const result = await run(["thought", "I'm such a failure at interviews"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Labeling");
    expect(result.stdout).toMatch(/from '.*such a failure'/);
    expect(result.stdout).toContain("Ask yourself:");
    expect(result.stdout.replace(/\s+/g, " ")).toMatch(/What may help: .*\(rejection-coach tips growth-mindset\)/);
  });

  it("says so kindly when no trap stands out", async () => {
    const result = await run(["thought", "I am tired and a bit sad today"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("No thinking trap stands out");
  });

  it("refuses an empty thought with exit 2", async () => {
    const result = await run(["thought"], "   \n");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("give the thought");
  });

  it("uses a person's own cue from their content folder", async () => {
    const { mkdirSync, writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const own = join(dataDir, "content");
    mkdirSync(own);
    writeFileSync(join(own, "reflection.yaml"), 'traps:\n  - { id: labelling, cues: ["wet noodle"] }\n');
    const before = await json(["Honestly, a wet noodle"]);
    expect(before.traps).toEqual([]);
    const result = await run(["--content", own, "thought", "Honestly, a wet noodle", "--json"]);
    const after = JSON.parse(result.stdout) as ThoughtJson;
    expect(after.traps[0]).toMatchObject({ id: "labelling", cues: ["wet noodle"] });
  });
});
