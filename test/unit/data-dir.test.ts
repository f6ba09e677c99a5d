import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CoachError } from "../../src/errors.js";
import { resolveDataDir, typedPath } from "../../src/journal/paths.js";

/** resolveDataDir with a made-up environment and password database: always an absolute folder. */

const noPasswordHome = (): undefined => undefined;
const passwordHome = (): string => "/home/from-passwd";

describe.skipIf(process.platform === "win32" || process.platform === "darwin")("resolveDataDir", () => {
  it("uses an absolute XDG_CONFIG_HOME and ignores a relative one", () => {
    expect(resolveDataDir(undefined, { HOME: "/home/me", XDG_CONFIG_HOME: "/cfg" })).toBe("/cfg/rejection-coach");
    expect(resolveDataDir(undefined, { HOME: "/home/me", XDG_CONFIG_HOME: "cfg" })).toBe(
      "/home/me/.config/rejection-coach",
    );
  });

  it("needs no home folder when XDG_CONFIG_HOME is absolute", () => {
    expect(resolveDataDir(undefined, { XDG_CONFIG_HOME: "/cfg" }, noPasswordHome)).toBe("/cfg/rejection-coach");
  });

  it.each([
    ["empty", ""],
    ["relative", "me"],
    ["missing", undefined],
  ])("asks the password database when HOME is %s", (_name, home) => {
    expect(resolveDataDir(undefined, { HOME: home }, passwordHome)).toBe("/home/from-passwd/.config/rejection-coach");
    expect(resolveDataDir(undefined, { HOME: home, REJECTION_COACH_HOME: "~/j" }, passwordHome)).toBe(
      "/home/from-passwd/j",
    );
  });

  it("stops with a line naming REJECTION_COACH_HOME and --data when no home folder can be found", () => {
    const attempt = () => resolveDataDir(undefined, { HOME: "" }, noPasswordHome);
    expect(attempt).toThrow(CoachError);
    expect(attempt).toThrow(/home folder.*set REJECTION_COACH_HOME or pass --data DIR/);
  });

  it("expands a leading ~ in --data and REJECTION_COACH_HOME, and only a leading one", () => {
    const env = { HOME: "/home/me", REJECTION_COACH_HOME: "~/journal" };
    expect(resolveDataDir(undefined, env)).toBe("/home/me/journal");
    expect(resolveDataDir("~", env)).toBe("/home/me");
    expect(resolveDataDir("~/a/b", env)).toBe("/home/me/a/b");
    expect(resolveDataDir("/x/~/y", env)).toBe("/x/~/y");
    // `~user` names another person's home; it is left as a folder name.
    expect(resolveDataDir("~other/x", env)).toBe(join(process.cwd(), "~other/x"));
  });

  it("resolves a relative folder against the current one", () => {
    expect(resolveDataDir("journal", { HOME: "/home/me" })).toBe(join(process.cwd(), "journal"));
  });
});

describe("typedPath: a path typed at a prompt, where no shell expands it", () => {
  it("takes ~ as the home folder and makes the path absolute", () => {
    expect(typedPath("~/plain-copy.json", { HOME: "/home/sam" })).toBe("/home/sam/plain-copy.json");
    expect(typedPath("  ~  ", { HOME: "/home/sam" })).toBe("/home/sam");
    expect(typedPath("/tmp/~x.json", { HOME: "/home/sam" })).toBe("/tmp/~x.json");
    expect(typedPath("copy.json", { HOME: "/home/sam" })).toBe(resolve("copy.json"));
  });
});
