/** A supervisor's change to the holiday and closure calendar, as the form sends it. Pure. */
import { z } from "zod";
import { CALENDAR_KINDS } from "../forecast/calendar.ts";
import { dayNumber } from "../forecast/dates.ts";
import { hasControlCharacters } from "./text.ts";

const text = (max: number, message: string) =>
  z
    .string()
    .trim()
    .min(1, message)
    .max(max)
    .refine((s) => !hasControlCharacters(s), "no control characters");

export const calendarChangeSchema = z.object({
  action: z.enum(["add", "withdraw"]),
  date: z.string().refine((d) => !Number.isNaN(dayNumber(d)), "a date as YYYY-MM-DD"),
  kind: z.enum(CALENDAR_KINDS),
  name: text(200, "name the holiday or closure"),
  source: text(500, "say where it was announced"),
  reason: text(500, "say why, for the audit trail"),
});
export type CalendarChangeForm = z.infer<typeof calendarChangeSchema>;
