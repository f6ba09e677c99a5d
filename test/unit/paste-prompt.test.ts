import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { withIo } from "../../src/io.js";
import { pastePrompt } from "../../src/flows/paste-prompt.js";

/*
 * The paste prompt on a stand-in terminal: each item of `chunks` arrives as one
 * read, as a terminal delivers them, so where a read splits the input is chosen
 * here instead of left to luck.
 */
async function paste(chunks: (string | Buffer)[]): Promise<{ text: string; raw: boolean[]; shown: string }> {
  const stdin = Object.assign(new PassThrough(), { isTTY: true, raw: [] as boolean[] });
  const tty = Object.assign(stdin, { setRawMode: (on: boolean) => (stdin.raw.push(on), stdin) });
  const stdout = new PassThrough();
  let shown = "";
  stdout.on("data", (data: Buffer) => (shown += data.toString()));
  const text = await withIo({ stdin: tty, stdout, stderr: new PassThrough(), env: {} }, async () => {
    const answer = pastePrompt({ message: "Paste their email." }, new AbortController().signal);
    // Settled as soon as it ends, so a Ctrl+C in the middle is not an unhandled rejection.
    const outcome = answer.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    for (const chunk of chunks) {
      tty.write(chunk);
      // Each write is read apart from the next, as a terminal's reads are.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const result = await outcome;
    if ("error" in result) throw result.error;
    return result.value;
  });
  return { text, raw: stdin.raw, shown };
}

const START = "\u001b[200~";
const END = "\u001b[201~";

describe("the paste prompt", () => {
  it("keeps blank lines inside a marked paste and ends at Enter on an empty line", async () => {
    const { text, raw, shown } = await paste([`${START}Dear Sam,\r\rWe regret.\r${END}`, "\r"]);
    expect(text).toBe("Dear Sam,\n\nWe regret.\n");
    expect(raw).toEqual([true, false]);
    expect(shown).toContain("\u001b[?2004h");
    expect(shown.lastIndexOf("\u001b[?2004l")).toBeGreaterThan(shown.lastIndexOf("\u001b[?2004h"));
  });

  it("reads a paste mark cut in two by a read", async () => {
    expect((await paste(["\u001b[20", `0~Hi,\r\rBye.${END}`, "\r", "\r"])).text).toBe("Hi,\n\nBye.\n");
    expect((await paste([`${START}Hi,\r\rBye.\u001b[2`, "01~", "\r", "\r"])).text).toBe("Hi,\n\nBye.\n");
  });

  it("counts a CR and LF split between two reads as one line break", async () => {
    expect((await paste(["Hi,\r", "\nBye.", "\u0004"])).text).toBe("Hi,\nBye.");
  });

  it("without paste marks, keeps blank lines that arrive inside one read", async () => {
    expect((await paste(["Hi,\r\rBye.\r", "\r"])).text).toBe("Hi,\n\nBye.\n");
  });

  it("drops other escape sequences and takes back a typed character", async () => {
    expect((await paste(["ab\u001b[A", "c\u007f", "d", "\u0004"])).text).toBe("abd");
  });

  it("keeps a character whose UTF-8 bytes are split between two reads", async () => {
    const bytes = Buffer.from("Zoë");
    expect((await paste([bytes.subarray(0, 3), bytes.subarray(3), "\u0004"])).text).toBe("Zoë");
  });

  it("Ctrl+C rejects as the other prompts do, and leaves the terminal as it was", async () => {
    const stopped = paste(["Dear Sam,", "\u0003"]);
    await expect(stopped).rejects.toMatchObject({ name: "ExitPromptError" });
  });
});
