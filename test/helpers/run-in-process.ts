import { PassThrough, Readable } from "node:stream";
import { run } from "../../src/run.js";
import { cliEnv, type CliResult } from "./cli.js";

/** The run before this one: the CLI runs one at a time in a process, so concurrent tests take turns. */
let previous: Promise<unknown> = Promise.resolve();

/**
 * The CLI run in this process, as a script would run it: stdin and stdout are
 * pipes, not a terminal. Same result shape as runCli, without starting Node.
 */
export function runInProcess(
  args: string[],
  options: { dataDir: string; input?: string; env?: NodeJS.ProcessEnv },
): Promise<CliResult> {
  const result = previous.then(() => runNow(args, options));
  previous = result.catch(() => undefined);
  return result;
}

async function runNow(
  args: string[],
  options: { dataDir: string; input?: string; env?: NodeJS.ProcessEnv },
): Promise<CliResult> {
  const stdout = collect();
  const stderr = collect();
  const code = await run(args, {
    stdin: Readable.from([Buffer.from(options.input ?? "")]),
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: cliEnv(options.dataDir, options.env),
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
}
