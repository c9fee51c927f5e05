/**
 * What a person types into a label, a name or a reason: never control characters, nor the
 * invisible characters that change how text reads. Control characters are always a mistake or an
 * attack on whoever reads the log, and SQLite's length() stops at a NUL, so a label starting with
 * one broke the table's own length check (found by the form fuzzer). Bidirectional controls
 * (U+202A-202E, U+2066-2069) make a name or a reason display reversed (the "Trojan Source" trick),
 * and zero-width characters make two strings that look the same compare different. This is the
 * one sanitiser for free text: names, cargo descriptions, reasons, API key labels, scenario names.
 */
// bidi embeddings and overrides, bidi isolates, and the zero-width space, joiners, word joiner and BOM
const INVISIBLE = "\\u202A-\\u202E\\u2066-\\u2069\\u200B-\\u200D\\u2060\\uFEFF";
const CONTROL = new RegExp(`[\\p{Cc}${INVISIBLE}]`, "u");
// a reason or a description may run over several lines
const CONTROL_BUT_LINE_BREAKS = new RegExp(`[^\\P{Cc}\\n\\r\\t]|[${INVISIBLE}]`, "u");

export const hasControlCharacters = (text: string, allowLineBreaks = false): boolean =>
  (allowLineBreaks ? CONTROL_BUT_LINE_BREAKS : CONTROL).test(text);

/** A name that comes with a file (an upload's file name): control and invisible characters dropped, not refused. */
export const stripControl = (text: string): string => text.replace(new RegExp(CONTROL.source, "gu"), "");
