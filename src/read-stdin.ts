import { io } from "./io.js";

/**
 * Standard input read to its end, as UTF-8 text. With a limit, input longer
 * than `limit.bytes` throws `limit.tooLarge()` as soon as it is seen, so a
 * mistaken pipe does not fill memory first.
 */
export async function readStdin(limit?: { bytes: number; tooLarge: () => Error }): Promise<string> {
  return (await readStdinBytes(limit)).toString("utf8");
}

/** Standard input read to its end, as bytes; `limit` as for readStdin. */
export async function readStdinBytes(limit?: { bytes: number; tooLarge: () => Error }): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of io().stdin as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    total += bytes.length;
    if (limit && total > limit.bytes) throw limit.tooLarge();
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}
