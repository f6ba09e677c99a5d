import { expect } from "vitest";
import { runInProcess } from "./run-in-process.js";

/**
 * Logs two rejections for the same role on the same day (said to be meant) and a
 * win through the CLI, as a person would, for the views a locale or a terminal
 * changes.
 */
export async function logInitechSearch(dataDir: string): Promise<void> {
  // Two on the same day for the same role: said to be meant.
  const common = ["--company", "Initech", "--role", "Platform Engineer", "--ended", "rejected", "--allow-duplicate"];
  for (const [stage, mood] of [
    ["interview", "3"],
    ["final", "6"],
  ]) {
    expect((await runInProcess(["log", ...common, "--stage", stage!, "--mood", mood!], { dataDir })).code).toBe(0);
  }
  expect((await runInProcess(["win", "--kind", "interview", "--title", "Second round booked"], { dataDir })).code).toBe(
    0,
  );
}
