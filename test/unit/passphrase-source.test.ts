import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { passphraseProvider, readPassphraseFile } from "../../src/commands/passphrase-source.js";
import { UsageError } from "../../src/errors.js";
import { withIo } from "../../src/io.js";
import { removeDir, tempDir } from "../helpers/cli.js";

let root: string;
beforeEach(() => {
  root = tempDir();
});
afterEach(() => removeDir(root));

/** A run without a terminal, in `env`. */
const inRun = <T>(env: NodeJS.ProcessEnv, task: () => Promise<T>) =>
  withIo({ stdin: Readable.from([]), stdout: new PassThrough(), stderr: new PassThrough(), env }, task);

describe("passphraseProvider", () => {
  it("takes REJECTION_COACH_PASSPHRASE out of the environment before anything is asked", async () => {
    const env: NodeJS.ProcessEnv = { REJECTION_COACH_PASSPHRASE: "secret words" };
    const ask = await inRun(env, () => Promise.resolve(passphraseProvider(undefined)));
    // Gone at once: a child process started before the journal is read must not inherit it.
    expect(env).not.toHaveProperty("REJECTION_COACH_PASSPHRASE");
    expect(await ask()).toBe("secret words");
  });

  it("is the same provider for a whole run, so a second store does not ask again", async () => {
    const env: NodeJS.ProcessEnv = { REJECTION_COACH_PASSPHRASE: "secret words" };
    const [first, second] = await inRun(env, () =>
      Promise.resolve([passphraseProvider(undefined), passphraseProvider(undefined)]),
    );
    expect(second).toBe(first);
    expect(await second!()).toBe("secret words");
  });

  it("prefers --passphrase-file to the variable", async () => {
    const file = join(root, "pass");
    writeFileSync(file, "from the file\n");
    const ask = await inRun({ REJECTION_COACH_PASSPHRASE: "from the env" }, () =>
      Promise.resolve(passphraseProvider(file)),
    );
    expect(await ask()).toBe("from the file");
  });

  it("off a terminal with nothing given, is a usage error that says how to give one", async () => {
    const ask = await inRun({}, () => Promise.resolve(passphraseProvider(undefined)));
    const error = await ask().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/REJECTION_COACH_PASSPHRASE.*--passphrase-file FILE/);
  });

  it("refuses an empty variable", async () => {
    const ask = await inRun({ REJECTION_COACH_PASSPHRASE: "" }, () => Promise.resolve(passphraseProvider(undefined)));
    await expect(ask()).rejects.toThrow(/is empty/);
  });
});

describe("readPassphraseFile", () => {
  const withText = (text: string) => {
    const file = join(root, "pass");
    writeFileSync(file, text);
    return readPassphraseFile(file);
  };

  it("strips one final line break, and only one", () => {
    expect(withText("words\n")).toBe("words");
    expect(withText("words\r\n")).toBe("words");
    expect(withText("words\n\n")).toBe("words\n");
    expect(withText(" words ")).toBe(" words ");
  });

  it("refuses an empty file and a missing one as usage errors", () => {
    expect(() => withText("\n")).toThrow(UsageError);
    expect(() => readPassphraseFile(join(root, "missing"))).toThrow(/cannot be read/);
  });
});
