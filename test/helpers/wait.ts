/**
 * Waits until `condition` holds, looking every few milliseconds; fails with
 * `what` if it has not held within `limitMs`. The limit only stops a test that
 * would otherwise hang: it is never what the test measures.
 */
export async function waitFor(condition: () => boolean, what: string, limitMs = 60_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
