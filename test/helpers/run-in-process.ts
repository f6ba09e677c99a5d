import { PassThrough, Readable } from "node:stream";
import { run } from "../../src/run.js";
import { cliEnv, type CliResult } from "./cli.js";

/**
 * The CLI run in this process, as a script would run it: stdin and stdout are
 * pipes, not a terminal. Same result shape as runCli, without starting Node.
 */
export async function runInProcess(
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
