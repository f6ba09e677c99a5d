import { say } from "../ui/output.js";
import { io } from "../io.js";
import { readStdin } from "../read-stdin.js";

/**
 * Standard input read to its end, for a flag given as `-`. On a terminal nothing
 * would show that it is waiting, so `hint` says what to type and how to finish.
 */
export async function readStdinText(hint: string): Promise<string> {
  if (io().stdin.isTTY) say(hint);
  return readStdin();
}
