/**
 * The checkpoint's audit trail as CSV, all of it (the filters applied), read a page at a time so a
 * long trail never sits in memory whole. Reasons and plates are typed by people, so every cell goes
 * through the one formula neutraliser (src/domain/csv.ts), lines ended as RFC 4180 says.
 */
import { csvLine } from "../../domain/csv.ts";
import type { AuditEntry, AuditFilter, auditLog } from "./audit-log.ts";

const HEADER = ["seq", "at", "plate", "code", "action", "from", "to", "actor_kind", "actor", "reason"];

export const csvRow = (values: (string | number | null)[]) => `${csvLine(values)}\r\n`;

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
