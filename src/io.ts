/**
 * What one run of the CLI reads from and writes to. The process's own streams
 * and environment, except while `run()` is given others (the in-process tests):
 * everything that prints, reads stdin or looks at the terminal asks here.
 */
export interface Io {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: OutputStream;
  stderr: OutputStream;
  env: NodeJS.ProcessEnv;
}

export type OutputStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

/** What a run has decided or done that later steps of the same run must know. */
export interface RunState {
  /** Plain mode was asked for (--plain, or the setting). */
  plain: boolean;
  /** The journal was written: a stop or an output failure must not report "nothing was saved". */
  saved: boolean;
  /** The journal read was encrypted: nothing from it may go to a disk in plain text (the editor's file). */
  encrypted: boolean;
}

let current: { io: Io; state: RunState } | undefined;
const processState: RunState = { plain: false, saved: false, encrypted: false };

/** The process's own, looked up when used: merely printing must not set up stdin. */
const processIo: Io = {
  get stdin() {
    return process.stdin;
  },
  get stdout() {
    return process.stdout;
  },
  get stderr() {
    return process.stderr;
  },
  get env() {
    return process.env;
  },
};

export const io = (): Io => current?.io ?? processIo;

export const runState = (): RunState => current?.state ?? processState;

/**
 * Runs `task` with `streams` as the CLI's io. One run at a time: the io, like
 * the plain-mode and saved flags, belongs to the whole process while it runs.
 */
export async function withIo<T>(streams: Io, task: () => Promise<T>): Promise<T> {
  if (current) throw new Error("one run of the CLI at a time in a process");
  current = { io: streams, state: { plain: false, saved: false, encrypted: false } };
  try {
    return await task();
  } finally {
    current = undefined;
  }
}
