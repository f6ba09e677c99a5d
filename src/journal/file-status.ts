import { lstatSync, statSync, type Stats } from "node:fs";
import { fileErrorReason } from "./file-errors.js";

/** A path's status for `doctor`, which reports a file it cannot look at instead of failing. */

export function lstatOrMissing(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

export function statOf(path: string): Stats | "missing" | string {
  try {
    return statSync(path);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? "missing" : fileErrorReason(error);
  }
}

export const modeOf = (path: string): number => lstatSync(path).mode & 0o777;
export const octal = (mode: number): string => `0${mode.toString(8).padStart(3, "0")}`;
