import { buildIfStale } from "../../scripts/build-if-stale.mjs";

/**
 * Before the tests that start the built CLI: builds it once if the sources
 * changed since the last build, so the processes the tests start in parallel
 * never each find it stale and build it at the same time.
 */
export default function setup(): void {
  buildIfStale();
}
