/** How a numeric date like 03/04 is read: month first or day first. */
export type DateOrder = "mdy" | "dmy";

/**
 * Where the person's `dateOrder` setting comes from. The command line sets it once
 * per run, so every date it reads (flags, prompts, due dates) uses the same order
 * without each flow carrying it; it is asked only when a numeric date is ambiguous.
 */
let source: () => Promise<DateOrder | undefined> = () => Promise.resolve(undefined);

export function useDateOrderSetting(setting: () => Promise<DateOrder | undefined>): void {
  source = setting;
}

/** The person's date order, read only when a date could be read two ways. */
export const dateOrderSetting = (): Promise<DateOrder | undefined> => source();
