/**
 * The checkpoint's audit trail as CSV, all of it (the filters applied), read a page at a time so a
 * long trail never sits in memory whole. A small local row writer (RFC 4180 quoting).
 * For the lead at merge: route each field through issue 13's CSV formula neutraliser
 * (src/domain/csv.ts) here, since reasons and plates are typed by people.
 */
import type { AuditEntry, AuditFilter, auditLog } from "./audit-log.ts";

const HEADER = ["seq", "at", "plate", "code", "action", "from", "to", "actor_kind", "actor", "reason"];

const field = (v: string | number | null) => {
  const s = v === null ? "" : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
export const csvRow = (values: (string | number | null)[]) => `${values.map(field).join(",")}\r\n`;

export function* auditCsv(
  log: ReturnType<typeof auditLog>,
  checkpointId: string,
  filter: AuditFilter,
  timezone: string,
  names: (kind: string, id: string) => string,
): Generator<string> {
  yield csvRow(HEADER);
  let before: number | undefined;
  for (;;) {
    const rows: AuditEntry[] = log.search(checkpointId, filter, timezone, { before, limit: 1000 });
    for (const e of rows)
      yield csvRow([
        e.seq,
        new Date(e.at).toISOString(),
        e.plate,
        e.code,
        e.type,
        e.from_state,
        e.to_state,
        e.actor_kind,
        names(e.actor_kind, e.actor_id),
        e.reason,
      ]);
    if (rows.length < 1000) return;
    before = rows.at(-1)?.seq;
  }
}
