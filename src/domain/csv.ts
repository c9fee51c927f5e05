/**
 * Every CSV the app writes goes through csvCell, so a spreadsheet never runs a cell as a formula
 * (CSV injection, OWASP): a text cell that begins with =, +, -, @, a tab or a carriage return gets
 * a leading apostrophe, and any cell with a comma, a quote or a line break is quoted. Numbers stay
 * numbers: a negative minute count is a number to a spreadsheet, not a formula. Pure.
 */
import { parse } from "csv-parse/sync";

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

export type CsvValue = string | number | boolean | null | undefined;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = String(value);
  const formula = FORMULA_START.test(text) && !NUMBER.test(text);
  const safe = formula ? `'${text}` : text;
  // quoted as well, as OWASP advises, so no reader splits the cell or drops the apostrophe
  return formula || NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One line of cells. */
export const csvLine = (cells: readonly CsvValue[]) => cells.map(csvCell).join(",");

/**
 * A CSV someone else wrote (an uploaded trace), served back with every cell neutralised. Text
 * that does not parse as CSV is served as one cell per line, neutralised the same way.
 */
export function neutraliseCsv(text: string): string {
  let rows: string[][];
  try {
    rows = parse(text, { relax_column_count: true, skip_empty_lines: true });
  } catch {
    rows = text
      .split(/\r?\n/)
      .filter((l) => l !== "")
      .map((l) => [l]);
  }
  return `${rows.map(csvLine).join("\n")}\n`;
}
