import type { checkbox, confirm, editor, input, number, search, select } from "@inquirer/prompts";

/**
 * The prompt functions a flow may call: the one seam between flows and the
 * terminal. Commands pass the real Inquirer prompts; tests pass their own.
 */
export interface Prompts {
  input: typeof input;
  select: typeof select;
  checkbox: typeof checkbox;
  confirm: typeof confirm;
  number: typeof number;
  editor: typeof editor;
  search: typeof search;
}

/** Inquirer is slow to import, so only commands that prompt load it. */
export async function loadPrompts(): Promise<Prompts> {
  const { checkbox, confirm, editor, input, number, search, select } = await import("@inquirer/prompts");
  return { checkbox, confirm, editor, input, number, search, select };
}
