import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildProgram } from "../../src/cli.js";
import { SHELLS } from "../../src/commands/completion-script.js";
import { loadContent } from "../../src/content/load.js";
import { PHASES, TEMPLATE_KINDS } from "../../src/content/vocabulary.js";
import { EXPORT_FORMATS } from "../../src/export/formats.js";
import { SETTING_KEYS } from "../../src/journal/setting-keys.js";
import {
  EMOTIONS,
  ENDINGS,
  ENTRY_KINDS,
  FIT_ANSWERS,
  REASONS,
  spelledId,
  STAGES,
  WIN_KINDS,
} from "../../src/journal/vocabulary.js";
import { removeDir, tempDir } from "../helpers/cli.js";
import { rejection, win } from "../helpers/fixtures.js";
import { seedJournal } from "../helpers/journal-fixture.js";
import { runInProcess } from "../helpers/run-in-process.js";

let root: string;
let dataDir: string;
beforeEach(() => {
  root = tempDir();
  dataDir = join(root, "home");
});
afterEach(() => removeDir(root));

/** What `complete -- WORDS` prints: the candidates, with their descriptions, and the directive line. */
async function complete(...words: string[]): Promise<{ values: string[]; lines: string[]; directive: string }> {
  const result = await runInProcess(["complete", "--", ...words], { dataDir });
  expect(result).toMatchObject({ code: 0, stderr: "" });
  const lines = result.stdout.split("\n").filter(Boolean);
  const directive = lines.pop() ?? "";
  return { values: lines.map((line) => line.split("\t")[0]!), lines, directive };
}

/** Every file in the data folder with its size and time, to show that nothing changed. */
const snapshot = (): string[] =>
  readdirSync(dataDir).map((name) => {
    const stats = statSync(join(dataDir, name));
    return `${name} ${stats.size} ${stats.mtimeMs}`;
  });

describe("complete: commands and flags", () => {
  it("completes a command from its start", async () => {
    expect((await complete("ti")).values).toEqual(["tips"]);
    expect((await complete("")).values).toEqual(expect.arrayContaining(["log", "reflect", "show", "completion"]));
  });

  it("leaves out the request the scripts make, which is not for people", async () => {
    expect((await complete("")).values).not.toContain("complete");
  });

  it("completes a command's own flags and the global ones", async () => {
    const { values } = await complete("log", "--");
    expect(values).toEqual(expect.arrayContaining(["--stage", "--ended", "--reason", "--emotion", "--data"]));
    expect((await complete("list", "--st")).values).toEqual(["--stage"]);
  });

  it("completes subcommands", async () => {
    expect((await complete("config", "")).values).toEqual(["list", "get", "set", "unset", "path", "help"]);
  });
});

describe("complete: the values of flags with a fixed list", () => {
  it.each([
    [["log", "--stage"], STAGES],
    [["log", "--ended"], ENDINGS],
    [["log", "--reason"], REASONS.map(spelledId)],
    [["log", "--emotion"], EMOTIONS],
    [["edit", "--stage"], STAGES],
    [["win", "--kind"], WIN_KINDS],
    [["list", "--stage"], STAGES],
    [["list", "--kind"], ENTRY_KINDS],
    [["export", "--format"], EXPORT_FORMATS],
    [["export", "--kind"], ENTRY_KINDS],
    [["tips", "--phase"], PHASES],
    [["feedback", "--kind"], TEMPLATE_KINDS],
    [["reflect", "--fit"], FIT_ANSWERS],
    [
      ["reflect", "--in-control"],
      [...REASONS.map(spelledId), "none"],
    ],
    [
      ["import", "--prefer"],
      ["mine", "theirs"],
    ],
    [["config", "get"], SETTING_KEYS],
    [["config", "set"], SETTING_KEYS],
    [["completion"], SHELLS],
  ])("%j offers the list its parser takes", async (words, expected) => {
    expect((await complete(...words, "")).values).toEqual([...expected]);
  });

  it("offers, for every flag with choices in any command, exactly those choices", async () => {
    const program = await buildProgram([], { loadAll: true });
    const checked: string[] = [];
    for (const command of program.commands) {
      for (const option of command.options) {
        if (!option.argChoices || !option.long) continue;
        expect((await complete(command.name(), option.long, "")).values, `${command.name()} ${option.long}`).toEqual(
          option.argChoices,
        );
        checked.push(`${command.name()} ${option.long}`);
      }
    }
    expect(checked.length).toBeGreaterThan(10);
  });

  it("narrows to what was typed", async () => {
    expect((await complete("log", "--stage", "fi")).values).toEqual(["final"]);
  });

  it("reads --flag=value as the flag and its value", async () => {
    // zsh and fish send the word being completed as typed, and put the --stage= back themselves.
    expect((await complete("log", "--stage=fi")).values).toEqual(["final"]);
    expect((await complete("log", "--stage=final", "--ended", "gh")).values).toEqual(["ghosted"]);
  });

  it("does not offer commands or flags as the value of a flag that takes free text", async () => {
    expect((await complete("log", "--company", "")).values).toEqual([]);
  });
});

describe("complete: paths", () => {
  it.each([
    [["import", ""], ":0"],
    [["log", "--email", ""], ":0"],
    [["export", "-o", ""], ":0"],
    [["export", "--per-file", ""], ":16"],
    [["--data", ""], ":16"],
    [["show", "--content", ""], ":16"],
  ])("%j leaves the word to the shell's own completion of %s", async (words, directive) => {
    expect(await complete(...words)).toEqual({ values: [], lines: [], directive });
  });

  it("tells the shell not to complete file names elsewhere", async () => {
    expect((await complete("log", "--company", "")).directive).toBe(":4");
    expect((await complete("show", "")).directive).toBe(":4");
  });
});

describe("complete: ids", () => {
  it("offers the journal's ids, each with its company and role, or a win's title", async () => {
    await seedJournal(dataDir, [
      rejection({ id: "aa110001", company: "Acme", role: "Backend Engineer" }),
      rejection({ id: "bb220002", company: "Tab\tCo\u001b[31m", role: "Lead\nDev" }),
      win({ id: "cc330003", title: "Learned SQL" }),
    ]);
    for (const command of ["show", "edit", "delete", "feedback", "reflect"]) {
      expect((await complete(command, "")).lines, command).toEqual([
        "aa110001\tAcme · Backend Engineer",
        // Typed text never breaks the line format nor reaches the terminal as a control sequence.
        "bb220002\tTab Co^[[31m · Lead Dev",
        "cc330003\twin: Learned SQL",
      ]);
    }
    expect((await complete("next", "add", "b")).values).toEqual(["bb220002"]);
    expect((await complete("--data", dataDir, "show", "")).values).toHaveLength(3);
    expect((await complete(`--data=${dataDir}`, "show", "")).values).toHaveLength(3);
    expect((await complete("show", `--data=${dataDir}`, "")).values).toHaveLength(3);
  });

  it("offers the strategies' ids, with their titles, and the thinking traps' ids", async () => {
    const content = loadContent();
    const { lines } = await complete("tips", "");
    expect(lines).toEqual(content.strategies.map((strategy) => `${strategy.id}\t${strategy.title}`));
    expect((await complete("reflect", "--trap", "")).values).toEqual(
      content.reflection.traps.map((trap) => spelledId(trap.id)),
    );
  });

  it("every argument named id has its values", async () => {
    const { ARGUMENT_VALUES } = await import("../../src/commands/completion-tree.js");
    const program = await buildProgram([], { loadAll: true });
    const paths: string[] = [];
    const walk = (command: typeof program, path: string) => {
      for (const sub of command.commands) {
        const subPath = path ? `${path} ${sub.name()}` : sub.name();
        for (const argument of sub.registeredArguments) {
          if (argument.name() === "id") paths.push(`${subPath} id`);
        }
        walk(sub, subPath);
      }
    };
    walk(program, "");
    expect(paths.length).toBeGreaterThan(5);
    for (const path of paths) expect(ARGUMENT_VALUES, path).toHaveProperty([path]);
  });
});

describe("complete: a journal it cannot or must not read", () => {
  it("offers no ids for an encrypted journal, and asks for nothing", async () => {
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, "journal.json"), "age-encryption.org/v1\n-> scrypt abc 18\nsecret\n");
    const { values, directive } = await complete("show", "");
    expect(values).toEqual([]);
    expect(directive).toBe(":4");
  });

  it("offers no ids, and says nothing, for a journal that is not JSON, or not a journal", async () => {
    mkdirSync(dataDir);
    for (const text of ["{ not json", "null", '{"entries": 3}', '{"entries": [null, {"id": 5}]}']) {
      writeFileSync(join(dataDir, "journal.json"), text);
      expect((await complete("show", "")).values, text).toEqual([]);
    }
    expect((await complete("ti")).values).toEqual(["tips"]);
  });

  it("offers no ids when there is no journal, and creates no data folder", async () => {
    expect((await complete("show", "")).values).toEqual([]);
    expect((await complete("tips", "")).values.length).toBeGreaterThan(0);
    expect(existsSync(dataDir)).toBe(false);
  });

  it("writes nothing in the data folder: no lock, no seal, no backup", async () => {
    await seedJournal(dataDir, [rejection({ id: "aa110001" })]);
    writeFileSync(join(dataDir, "settings.json"), '{"name": "Sam"}');
    const before = snapshot();
    for (const words of [["show", ""], ["tips", ""], ["config", "get", ""], ["log", "--stage", ""], [""]]) {
      await complete(...words);
    }
    expect(snapshot()).toEqual(before);
  });
});

describe("completion SHELL", () => {
  it.each(SHELLS)("prints the %s script, which asks `rejection-coach complete --`", async (shell) => {
    const result = await runInProcess(["completion", shell], { dataDir });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain("rejection-coach complete --");
    expect(existsSync(dataDir)).toBe(false);
  });

  it("refuses a shell it has no script for, naming the ones it has", async () => {
    const result = await runInProcess(["completion", "tcsh"], { dataDir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("bash, zsh, fish");
  });
});
