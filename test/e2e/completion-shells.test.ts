import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { STAGES } from "../../src/journal/vocabulary.js";
import { BIN, removeDir, runCli, tempDir } from "../helpers/cli.js";
import { rejection, win } from "../helpers/fixtures.js";
import { seedJournal } from "../helpers/journal-fixture.js";
import { PtySession } from "../helpers/pty.js";

/*
 * The completion scripts in the shells themselves: each one sourced into an
 * interactive shell in a pseudo-terminal, with the built CLI on PATH as
 * `rejection-coach`, and Tab pressed as a person would.
 */

const IDS = ["aa110001", "bb220002", "cc330003"];
const KILL_LINE = "\u0015";
const TAB = "\t";

let dataDir: string;
let home: string;
beforeEach(async () => {
  dataDir = tempDir();
  home = tempDir("rc-shell-");
  await seedJournal(dataDir, [
    rejection({ id: IDS[0], company: "Acme", role: "Backend Engineer" }),
    rejection({ id: IDS[1], company: "Globex", role: "Platform Lead" }),
    win({ id: IDS[2], title: "Learned SQL" }),
  ]);
  // The CLI as an installed package puts it on PATH.
  const bin = join(home, "bin");
  mkdirSync(bin);
  writeFileSync(join(bin, "rejection-coach"), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`);
  chmodSync(join(bin, "rejection-coach"), 0o755);
});
afterEach(() => {
  removeDir(dataDir);
  removeDir(home);
});

/** The script the CLI prints for `shell`, saved where the shell can read it. */
function savedScript(shell: string): string {
  const result = runCli(["completion", shell], { dataDir });
  expect(result).toMatchObject({ code: 0, stderr: "" });
  const file = join(home, `completion.${shell}`);
  writeFileSync(file, result.stdout);
  return file;
}

/** An interactive shell with no start-up files of the person's, so only what the test sets up is there. */
function startShell(file: string, args: string[]): PtySession {
  return new PtySession(args, {
    dataDir,
    file,
    cols: 200,
    env: { PATH: `${join(home, "bin")}:${process.env.PATH}`, HOME: home, INPUTRC: "/dev/null", LC_ALL: "C.UTF-8" },
  });
}

/** Runs a line in the shell and waits for its prompt to come back. */
async function run(session: PtySession, line: string, prompt: string): Promise<void> {
  session.type(KILL_LINE);
  session.clear();
  session.type(`${line}\r`);
  await session.waitFor(prompt);
}

async function typeAndSee(session: PtySession, keys: string, expected: readonly (string | RegExp)[]): Promise<void> {
  session.type(KILL_LINE);
  session.clear();
  session.type(keys);
  for (const text of expected) await session.waitFor(text);
}

describe("the request the scripts make, in a terminal", () => {
  it("never asks for a passphrase for an encrypted journal: no ids, and done", async () => {
    writeFileSync(join(dataDir, "journal.json"), "age-encryption.org/v1\n-> scrypt abc 18\nsecret\n");
    const session = new PtySession(["complete", "--", "show", ""], { dataDir });
    expect(await session.exited()).toBe(0);
    expect(session.output.trim()).toBe(":4");
  });
});

describe("bash, without the bash-completion package", () => {
  it("completes a command, the journal's ids and a flag's choices", async () => {
    const script = savedScript("bash");
    const session = startShell("bash", ["--norc", "--noprofile", "-i"]);
    // Quoted in two parts, so that the typed line itself does not show the prompt being waited for.
    await run(session, "PS1='rc-''ready$ '", "rc-ready$ ");
    await run(session, `source '${script}' && echo sourced-$?`, "sourced-0");
    expect(session.output).not.toMatch(/command not found|error/i);

    await typeAndSee(session, `rejection-coach ti${TAB}`, ["rejection-coach tips "]);
    await typeAndSee(session, `rejection-coach show ${TAB}${TAB}`, IDS);
    await typeAndSee(session, `rejection-coach log --stage ${TAB}${TAB}`, STAGES);
    await typeAndSee(session, `rejection-coach log --stage fi${TAB}`, ["--stage final "]);
    writeFileSync(join(home, "backup-export.json"), "{}");
    await run(session, `cd '${home}' && echo moved-$?`, "moved-0");
    await typeAndSee(session, `rejection-coach import back${TAB}`, ["import backup-export.json "]);
    session.type(`${KILL_LINE}exit\r`);
    expect(await session.exited()).toBe(0);
  });
});

describe("bash: what is typed is never run", () => {
  it("a Tab after a redirection or a command substitution writes nothing and runs nothing; --flag=value completes", async () => {
    const script = savedScript("bash");
    const other = tempDir();
    await seedJournal(other, [rejection({ id: "dd440004", company: "Initech", role: "Analyst" })]);
    const session = startShell("bash", ["--norc", "--noprofile", "-i"]);
    await run(session, "PS1='rc-''ready$ '", "rc-ready$ ");
    await run(session, `source '${script}' && cd '${home}' && echo sourced-$?`, "sourced-0");
    writeFileSync(join(home, "precious.txt"), "keep me\n");

    // Typed, never entered: the shell takes keys in order, so once the echo answers, the Tabs are done.
    session.type(`rejection-coach list > precious.txt --kind ${TAB}${TAB}`);
    await run(session, "echo after-redirect-$?", "after-redirect-0");
    session.type(`rejection-coach log --note "$(touch ran-on-tab)" --stage ${TAB}${TAB}`);
    await run(session, "echo after-substitution-$?", "after-substitution-0");
    expect(readFileSync(join(home, "precious.txt"), "utf8")).toBe("keep me\n");
    expect(existsSync(join(home, "ran-on-tab"))).toBe(false);

    await typeAndSee(session, `rejection-coach log --stage=fi${TAB}`, ["--stage=final "]);
    await typeAndSee(session, `rejection-coach show --data=${other} ${TAB}${TAB}`, ["dd440004"]);
    await typeAndSee(session, `rejection-coach show --data '${other}' ${TAB}${TAB}`, ["dd440004"]);
    session.type(`${KILL_LINE}exit\r`);
    expect(await session.exited()).toBe(0);
    removeDir(other);
  });
});

describe("zsh", () => {
  it("accepts the script as valid zsh", () => {
    expect(spawnSync("zsh", ["-n", savedScript("zsh")], { encoding: "utf8" })).toMatchObject({
      status: 0,
      stderr: "",
    });
  });

  it("completes a command, and the journal's ids with company and role beside them", async () => {
    // Installed as the README says: a file named _rejection-coach in a folder on fpath, found by compinit.
    const functions = join(home, "zfunc");
    mkdirSync(functions);
    renameSync(savedScript("zsh"), join(functions, "_rejection-coach"));
    const session = startShell("zsh", ["-f", "-i"]);
    await run(session, "PS1='rc-''ready> '", "rc-ready> ");
    await run(
      session,
      `fpath=('${functions}' $fpath); autoload -Uz compinit && compinit -u; echo loaded-$?`,
      "loaded-0",
    );

    await typeAndSee(session, `rejection-coach ti${TAB}`, ["rejection-coach tips "]);
    await typeAndSee(session, `rejection-coach show ${TAB}`, [
      ...IDS,
      /aa110001\s+--\s+Acme · Backend Engineer/,
      /cc330003\s+--\s+win: Learned SQL/,
    ]);
    await typeAndSee(session, `rejection-coach log --emotion ${TAB}`, ["disappointed", "motivated"]);
    // A folder with a space, as typed in quotes, and a backslash and a colon in what is shown beside the ids.
    const spaced = join(home, "my journal");
    await seedJournal(spaced, [
      rejection({ id: "ee550005", company: "Back\\slash", role: "Dev" }),
      rejection({ id: "ff660006", company: "Co:lon", role: "Ops" }),
    ]);
    await typeAndSee(session, `rejection-coach show --data '${spaced}' ${TAB}`, [
      /ee550005\s+--\s+Back\\slash · Dev/,
      /ff660006\s+--\s+Co:lon · Ops/,
    ]);
    session.type(`${KILL_LINE}exit\r`);
    expect(await session.exited()).toBe(0);
  });
});

describe("fish", () => {
  it("accepts the script as valid fish", () => {
    expect(spawnSync("fish", ["--no-execute", savedScript("fish")], { encoding: "utf8" })).toMatchObject({
      status: 0,
      stderr: "",
    });
  });

  it("completes the journal's ids with company and role beside them", () => {
    // Installed as the README says, where fish looks for a command's completions when first asked.
    const completions = join(home, ".config", "fish", "completions");
    mkdirSync(completions, { recursive: true });
    renameSync(savedScript("fish"), join(completions, "rejection-coach.fish"));
    // fish's own completer, asked without a terminal: what a Tab would offer.
    const result = spawnSync("fish", ["-c", "complete --do-complete 'rejection-coach show '"], {
      encoding: "utf8",
      env: {
        ...process.env,
        HOME: home,
        XDG_CONFIG_HOME: "",
        PATH: `${join(home, "bin")}:${process.env.PATH}`,
        REJECTION_COACH_HOME: dataDir,
        LC_ALL: "C.UTF-8",
      },
    });
    expect(result.status).toBe(0);
    expect(result.stdout.split("\n").filter(Boolean).sort()).toEqual([
      "aa110001\tAcme · Backend Engineer",
      "bb220002\tGlobex · Platform Lead",
      "cc330003\twin: Learned SQL",
    ]);
  });
});
