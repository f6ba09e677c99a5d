import { existsSync, statfsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EditorUnsafeError, editorFolder, memoryFolder } from "../../src/flows/editor-folder.js";
import { isEditorFailure } from "../../src/flows/prompts.js";

const TMPFS = 0x01021994;
const linuxShm = process.platform === "linux" && existsSync("/dev/shm") && statfsSync("/dev/shm").type === TMPFS;

describe("memoryFolder", () => {
  it.runIf(linuxShm)(
    "takes the first candidate that lives in memory, passing over missing and disk-backed ones",
    () => {
      expect(memoryFolder(["/no/such/folder", "/proc", "/dev/shm"])).toBe("/dev/shm");
    },
  );

  it("is undefined when no candidate lives in memory", () => {
    expect(memoryFolder(["/no/such/folder", "/proc"])).toBeUndefined();
    expect(memoryFolder([])).toBeUndefined();
  });
});

describe("editorFolder", () => {
  it("uses the memory-only folder whenever there is one", () => {
    expect(editorFolder(true, "/run/user/1000")).toBe("/run/user/1000");
    expect(editorFolder(false, "/run/user/1000")).toBe("/run/user/1000");
  });

  it("without one, leaves a plain journal's editor file to the system's temporary folder", () => {
    expect(editorFolder(false, undefined)).toBeUndefined();
  });

  it("without one, refuses to put an encrypted journal's words in a file, as an editor failure the flows fall back from", () => {
    const thrown = (() => {
      try {
        editorFolder(true, undefined);
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(EditorUnsafeError);
    expect(isEditorFailure(thrown)).toBe(true);
  });
});
