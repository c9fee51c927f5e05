/**
 * `npm run export-trace -- --checkpoint ID --from DATE --to DATE [--out FILE] [--db FILE]`: writes
 * the trucks that arrived at the checkpoint's waiting area in the period as the trace CSV the
 * simulator replays (`arrivals: {kind: "trace"}`), so planners can try real traffic against
 * another configuration. A DATE is a day in the checkpoint's own time zone (`--to` includes that
 * whole day) or an ISO-8601 time. Bad arguments exit with code 2 and say which.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { readConfig } from "../config.ts";
import { dayStartOfDate } from "../domain/slots.ts";
import { formatTrace } from "../sim/trace-record.ts";
import { checkpointStore } from "../store/checkpoints.ts";
import { openDatabase } from "../store/db.ts";
import { recordedTrace } from "../store/trace-export.ts";

function fail(message: string): never {
  process.stderr.write(`export-trace: ${message}\n`);
  process.exit(2);
}

let values: Record<string, string | undefined>;
try {
  values = parseArgs({
    options: {
      checkpoint: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      out: { type: "string" },
      db: { type: "string" },
    },
  }).values;
} catch (error) {
  fail((error as Error).message);
}
if (!values.checkpoint || !values.from || !values.to)
  fail("--checkpoint ID --from DATE --to DATE are required (DATE: YYYY-MM-DD or an ISO-8601 time)");

const db = openDatabase(values.db ?? readConfig().DATABASE_PATH);
try {
  const cp = checkpointStore(db).get(values.checkpoint);
  if (!cp)
    fail(
      `--checkpoint: no checkpoint "${values.checkpoint}"; one of ${checkpointStore(db)
        .list()
        .map((c) => c.id)
        .join(", ")}`,
    );
  const zone = cp.config.timezone;
  /** A day's local midnight (the next day's for the end of a period), or an exact time. */
  const when = (name: string, raw: string, endOfDay: boolean): number => {
    const day = dayStartOfDate(raw, zone);
    if (day !== null) return endOfDay ? (dayStartOfDate(nextDate(raw), zone) ?? day + 86_400_000) : day;
    const at = raw.includes("T") ? Date.parse(raw) : Number.NaN;
    if (Number.isNaN(at)) fail(`--${name}: expected YYYY-MM-DD or an ISO-8601 time, got "${raw}"`);
    return at;
  };
  const from = when("from", values.from, false);
  const to = when("to", values.to, true);
  if (to <= from) fail("--to: expected a time after --from");

  const rows = recordedTrace(db, cp.id, from, to);
  const csv = formatTrace(rows);
  if (values.out) {
    writeFileSync(values.out, csv);
    process.stderr.write(`export-trace: ${rows.length} trucks from ${cp.name} written to ${values.out}\n`);
  } else process.stdout.write(csv);
} finally {
  db.close();
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
