/**
 * What a person types into a label, a name or a reason: never control characters. They are always
 * a mistake or an attack on whoever reads the log, and SQLite's length() stops at a NUL, so a
 * label starting with one broke the table's own length check (found by the form fuzzer).
 */
const CONTROL = /\p{Cc}/u;
// a reason or a description may run over several lines
const CONTROL_BUT_LINE_BREAKS = /[^\P{Cc}\n\r\t]/u;

export const hasControlCharacters = (text: string, allowLineBreaks = false): boolean =>
  (allowLineBreaks ? CONTROL_BUT_LINE_BREAKS : CONTROL).test(text);

/** A name that comes with a file (an upload's file name): control characters dropped, not refused. */
export const stripControl = (text: string): string => text.replace(/\p{Cc}/gu, "");
