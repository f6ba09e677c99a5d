// A generated journal for the benchmarks: seeded, so every run measures the same one.

/** mulberry32: a small seeded generator, so every run benchmarks the same journal. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMPANIES = [
  "Acme",
  "Globex",
  "Initech",
  "Umbrella",
  "Hooli",
  "Vandelay",
  "Stark Industries",
  "Wayne Enterprises",
  "Soylent",
  "Tyrell",
  "Cyberdyne",
  "Aperture",
];
const ROLES = [
  "Backend Engineer",
  "Data Analyst",
  "Product Designer",
  "Engineering Manager",
  "QA Lead",
  "Site Reliability Engineer",
  "Frontend Developer",
];
const STAGES = ["applied", "screening", "interview", "assessment", "final", "offer"];
const ENDINGS = ["rejected", "ghosted", "role-closed"];
const REASONS = ["skills", "interview", "culture", "competition", "salary", "internal", "cancelled", "unknown"];
const EMOTIONS = [
  "disappointed",
  "frustrated",
  "sad",
  "angry",
  "anxious",
  "embarrassed",
  "relieved",
  "numb",
  "motivated",
];
const WORDS =
  "the interview went well but they wanted more depth in distributed systems and a stronger story about leading projects next time I will prepare examples".split(
    " ",
  );

/** `count` entries like a person's: rejections (most with a reflection, check-ins, next steps) and wins. */
export function makeJournal(count, seed) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const some = (list, max) => [...new Set(Array.from({ length: Math.floor(rand() * (max + 1)) }, () => pick(list)))];
  const text = (words) => Array.from({ length: words }, () => pick(WORDS)).join(" ");
  const start = Date.UTC(2022, 0, 1);
  const entries = [];
  for (let i = 0; i < count; i++) {
    const day = new Date(start + Math.floor((i / count) * 4 * 365) * 86_400_000);
    const date = day.toISOString().slice(0, 10);
    const at = `${date}T09:30:00.000Z`;
    const id = (0x10000000 + i).toString(16);
    const base = {
      id,
      createdAt: at,
      updatedAt: at,
      date,
      tags: some(["remote", "dream-job", "startup", "referral"], 2),
    };
    if (rand() < 0.15) {
      entries.push({
        ...base,
        kind: "win",
        winKind: pick(["interview", "feedback", "application", "skill", "other"]),
        title: text(6),
      });
      continue;
    }
    const entry = {
      ...base,
      kind: "rejection",
      company: pick(COMPANIES),
      role: pick(ROLES),
      stage: pick(STAGES),
      ended: pick(ENDINGS),
      reasons: some(REASONS, 2),
      mood: 1 + Math.floor(rand() * 10),
      emotions: some(EMOTIONS, 3),
      note: text(20),
      checkins: [],
      actions: [],
      feedback: [],
    };
    if (rand() < 0.6) {
      entry.reflection = {
        createdAt: at,
        mood: 1 + Math.floor(rand() * 10),
        answers: Array.from({ length: 4 }, (_, n) => ({ questionId: `q${n}`, question: text(8), answer: text(25) })),
        ratings: [{ step: "preparation", label: "Preparation and research", rating: 1 + Math.floor(rand() * 5) }],
        inControl: some(REASONS, 1),
        outOfControl: some(REASONS, 1),
        thought: { thought: text(10), trap: "personalising", balanced: text(12) },
        fit: "partly",
        wentWell: text(10),
        change: text(10),
      };
      entry.checkins = Array.from({ length: Math.floor(rand() * 3) }, () => ({
        at,
        mood: 1 + Math.floor(rand() * 10),
        note: text(8),
      }));
      entry.actions = Array.from({ length: Math.floor(rand() * 3) }, (_, n) => ({
        id: `${id.slice(0, 6)}a${n}`,
        text: text(7),
        createdAt: at,
        ...(rand() < 0.5 ? { due: date } : {}),
        ...(rand() < 0.5 ? { doneAt: at } : {}),
      }));
    }
    entries.push(entry);
  }
  return { version: 1, entries };
}
