import fc from "fast-check";

/*
 * Property tests run on a fixed seed, so a run is repeatable and cannot fail by
 * luck on one machine and pass on another. A failure's report names the seed
 * and the path that replays it; PROPERTY_SEED runs them on another seed.
 */
const seed = Number(process.env.PROPERTY_SEED ?? 20261129);
fc.configureGlobal({ seed });
if (process.env.PROPERTY_SEED) process.stdout.write(`property tests seeded with PROPERTY_SEED=${seed}\n`);
