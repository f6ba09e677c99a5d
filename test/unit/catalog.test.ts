import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { buildProgram } from "../../src/cli.js";
import { commandNamed, COMMANDS } from "../../src/commands/catalog.js";
import { withIo } from "../../src/io.js";

/** The root help as the program built for `args` prints it (80 columns, no terminal). */
async function rootHelp(args: string[], loadAll: boolean): Promise<string> {
  const stdout = new PassThrough();
  return withIo({ stdin: new PassThrough(), stdout, stderr: new PassThrough(), env: {} }, async () =>
    (await buildProgram(args, { loadAll })).helpInformation(),
  );
}

describe("the list of commands", () => {
  it("lists every command in --help exactly as the loaded commands would describe themselves", async () => {
    expect(await rootHelp([], false)).toBe(await rootHelp([], true));
  });

  it("names the same help whichever command is being run", async () => {
    const full = await rootHelp([], true);
    for (const entry of COMMANDS) expect(await rootHelp([entry.name], false)).toBe(full);
  });

  it("finds the command being run past global options and their values", () => {
    expect(commandNamed(["log"])?.name).toBe("log");
    expect(commandNamed(["--data", "list", "show", "3f2a"])?.name).toBe("show");
    expect(commandNamed(["--content", "dir", "--no-color", "journal"])?.name).toBe("list");
    expect(commandNamed(["--data=dir", "stats"])?.name).toBe("stats");
    expect(commandNamed(["help", "reflect"])?.name).toBe("reflect");
    expect(commandNamed(["--help"])).toBeUndefined();
    expect(commandNamed(["nxt"])).toBeUndefined();
    expect(commandNamed(["--", "log"])?.name).toBe("log");
    expect(commandNamed(["help", "--plain", "log"])?.name).toBe("log");
    expect(commandNamed(["help"])).toBeUndefined();
  });
});
