import type { z } from "zod";
import type {
  actionSchema,
  checkinSchema,
  entrySchema,
  feedbackSchema,
  reflectionSchema,
  rejectionSchema,
  winSchema,
} from "./entry-schema.js";

export * from "./vocabulary.js";

/*
 * The journal's types, inferred from the schemas in entry-schema.ts. Only the
 * types are imported from there, so reading a journal the seal vouches for
 * never loads zod.
 */

export type Checkin = z.infer<typeof checkinSchema>;
export type Action = z.infer<typeof actionSchema>;
export type Feedback = z.infer<typeof feedbackSchema>;
export type Reflection = z.infer<typeof reflectionSchema>;
export type RejectionEntry = z.infer<typeof rejectionSchema>;
export type WinEntry = z.infer<typeof winSchema>;
export type Entry = z.infer<typeof entrySchema>;

/** The journal as held in memory and on disk (the store adds nothing else). */
export interface Journal {
  version: number;
  entries: Entry[];
}

export const isRejection = (entry: Entry): entry is RejectionEntry => entry.kind === "rejection";
export const isWin = (entry: Entry): entry is WinEntry => entry.kind === "win";
