import { describe, expect, it } from "vitest";
import { calendarEvents, type CalendarEvent } from "../../src/coach/calendar.js";
import { formatIcs } from "../../src/export/ics.js";
import type { Journal } from "../../src/journal/entry.js";
import { rejection } from "../helpers/fixtures.js";
import { importInto, parseCalendar, type ParsedEvent } from "../helpers/ical.js";

/** The calendar file as a real iCalendar parser (ical.js) reads it. */

const now = new Date("2026-11-29T23:55:00.000Z");
const journal = (...entries: Journal["entries"]): Journal => ({ version: 1, entries });
const event = (overrides: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: "step-aa000001-s0000001@rejection-coach",
  kind: "step",
  day: "2026-12-31",
  title: "Email Sam",
  description: "A next step",
  createdAt: "2026-11-20T10:00:00.000Z",
  modifiedAt: "2026-11-21T10:00:00.000Z",
  ...overrides,
});

describe("formatIcs", () => {
  it("writes each event as an all-day DATE with a 9:00 display alarm, its uid, stamp and sequence", () => {
    const text = formatIcs([event()], now);
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain("\r\nDTSTART;VALUE=DATE:20261231\r\n");
    const [parsed] = parseCalendar(text).events;
    expect(parsed).toEqual<ParsedEvent>({
      uid: "step-aa000001-s0000001@rejection-coach",
      summary: "Email Sam",
      description: "A next step",
      start: "2026-12-31",
      allDay: true,
      end: "2027-01-01",
      sequence: 86_400,
      dtstamp: "2026-11-29T23:55:00Z",
      lastModified: "2026-11-21T10:00:00Z",
      alarms: [{ action: "DISPLAY", trigger: "PT9H" }],
      properties: expect.any(Array) as unknown as string[],
    });
  });

  it("gives the same bytes for the same journal at the same moment", () => {
    const entries = journal(rejection({ id: "aa000001", mood: 2 }));
    expect(formatIcs(calendarEvents(entries), now)).toBe(formatIcs(calendarEvents(entries), now));
  });

  it("a later change to the entry raises SEQUENCE and LAST-MODIFIED, so a calendar takes the new copy", () => {
    const first = rejection({
      id: "aa000001",
      createdAt: "2026-11-29T10:00:00.000Z",
      updatedAt: "2026-11-29T10:00:00.000Z",
    });
    const edited = { ...first, company: "Acme Ltd", updatedAt: "2026-11-30T08:00:00.000Z" };
    const [before] = parseCalendar(formatIcs(calendarEvents(journal(first)), now)).events;
    const [after] = parseCalendar(formatIcs(calendarEvents(journal(edited)), now)).events;
    expect(after!.uid).toBe(before!.uid);
    expect(after!.sequence).toBeGreaterThan(before!.sequence);
    expect(after!.lastModified! > before!.lastModified!).toBe(true);
    const calendar = importInto(
      importInto(new Map(), formatIcs(calendarEvents(journal(first)), now)),
      formatIcs(calendarEvents(journal(edited)), now),
    );
    expect([...calendar.values()].map((held) => held.summary)).toEqual(["Reflect on Acme Ltd"]);
  });

  it("long text beyond ASCII (accents, emoji with joiners, right-to-left) unfolds to the same text", () => {
    const title = `Café crème ☕ with Zoë 👩‍💻👨🏽‍🔬 and שלום עולם, ${"naïve résumé ".repeat(10)}`;
    const text = formatIcs([event({ title, description: title })], now);
    const [parsed] = parseCalendar(text).events;
    expect(parsed!.summary).toBe(title);
    expect(parsed!.description).toBe(title);
  });

  it("an empty list is still a valid calendar, with no events", () => {
    const text = formatIcs([], now);
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
    expect(parseCalendar(text)).toEqual({ components: [], events: [] });
  });

  it("long text is folded into lines of at most 75 octets, never inside a character, and unfolds to the same text", () => {
    for (const title of [
      `Prepare ${"the system design story, ".repeat(8)}end`,
      `面接の準備をする、${"システム設計の話を練習する。".repeat(6)}`,
      `Café ☕ ${"résumé naïve 👩‍💻👨🏽‍🔬 ".repeat(8)}`,
    ]) {
      const text = formatIcs([event({ title, description: title })], now);
      const lines = text.split("\r\n");
      expect(lines.filter((line) => Buffer.byteLength(line, "utf8") > 75)).toEqual([]);
      // A folded character would show as a replacement mark once the bytes are read back.
      expect(lines.join("").includes("\uFFFD")).toBe(false);
      const [parsed] = parseCalendar(text).events;
      expect(parsed!.summary).toBe(title);
      expect(parsed!.description).toBe(title);
    }
  });
});

describe("journal text cannot add properties or events", () => {
  const hostile = [
    "Evil\r\nBEGIN:VEVENT\r\nUID:injected\r\nSUMMARY:Injected\r\nEND:VEVENT",
    "Acme\nATTENDEE:mailto:attacker@example.com",
    "Lone\rDTSTART:19700101",
    "Semi;colon, comma, back\\slash, colon: and \\n written out",
    "Tab\there, ESC \u001b[31m red",
  ];

  it.each(hostile)("%j stays text in one property of one event", (company) => {
    const entry = rejection({
      id: "aa000001",
      company,
      role: company,
      mood: 2,
      actions: [{ id: "s0000001", text: company, createdAt: "2026-11-02T10:00:00.000Z", due: "2026-12-01" }],
    });
    const text = formatIcs(calendarEvents(journal(entry)), now);
    const { components, events } = parseCalendar(text);
    expect(components).toEqual(["vevent", "vevent", "vevent"]);
    expect(events.map((parsed) => parsed.uid).sort()).toEqual([
      "checkin-aa000001@rejection-coach",
      "reflect-aa000001@rejection-coach",
      "step-aa000001-s0000001@rejection-coach",
    ]);
    for (const parsed of events) {
      expect(parsed.properties.sort()).toEqual(
        [
          "uid",
          "summary",
          "dtstamp",
          "dtstart",
          "dtend",
          "sequence",
          "description",
          "transp",
          "created",
          "last-modified",
        ].sort(),
      );
      expect(parsed.alarms).toHaveLength(1);
    }
    // The text comes back as typed: iCalendar has one line break, \n, and no control characters.
    const expected = company.replace(/\r\n?/g, "\n").replace("\u001b", "\\x1b");
    expect(events.find((parsed) => parsed.uid.startsWith("step-"))!.summary).toBe(expected);
    expect(events.find((parsed) => parsed.uid.startsWith("reflect-"))!.summary).toBe(`Reflect on ${expected}`);
    expect(events.find((parsed) => parsed.uid.startsWith("step-"))!.description).toContain(
      `${expected} at ${expected}`,
    );
  });
});
