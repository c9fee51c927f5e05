/** The checkpoint's audit trail for supervisors, filtered by officer, truck, day and action. */
import { EVENT_TYPES } from "../../../machines/types.ts";
import { dayStartOfDate } from "../../domain/slots.ts";
import type { EventRow } from "../../store/crossings.ts";
import type { DB } from "../../store/db.ts";

export interface AuditFilter {
  /** a user id (the page turns the username into one) */
  actorId?: string;
  plate?: string;
  /** YYYY-MM-DD, the checkpoint's local day */
  day?: string;
  action?: string;
}

export type AuditEntry = EventRow & { plate: string; code: string };

/** Rows per page of the trail; the page links to the next, older, page by cursor. */
export const AUDIT_PAGE = 100;

/** Only well-formed filters are kept: anything else is dropped, never passed to SQL as text. */
export function cleanFilter(q: Record<string, string | undefined>): AuditFilter & { officer?: string } {
  const day =
    q.day && /^\d{4}-\d{2}-\d{2}$/.test(q.day) && !Number.isNaN(Date.parse(q.day)) ? q.day : undefined;
  const action = q.action && (EVENT_TYPES as readonly string[]).includes(q.action) ? q.action : undefined;
  const plate = q.plate?.trim().slice(0, 20) || undefined;
  const officer = q.officer?.trim().slice(0, 100) || undefined;
  return { day, action, plate, officer };
}

/** The cursor of a page: the seq of the last (oldest) row of the page before; absent for the newest. */
export const cleanCursor = (before: string | undefined): number | undefined =>
  before && /^\d{1,15}$/.test(before) ? Number(before) : undefined;

export function auditLog(db: DB) {
  return {
    /** Newest first, `limit` rows older than the cursor `before` (a seq); seqs never change, so pages never overlap or skip. */
    search(
      checkpointId: string,
      f: AuditFilter,
      timezone: string,
      page: { before?: number; limit: number } = { limit: AUDIT_PAGE },
    ): AuditEntry[] {
      const where = ["c.checkpoint_id = ?"];
      const args: (string | number)[] = [checkpointId];
      if (f.actorId) {
        where.push("e.actor_id = ?");
        args.push(f.actorId);
      }
      if (f.plate) {
        where.push("(c.plate LIKE ? OR c.code = ?)");
        args.push(`%${f.plate.replace(/[%_]/g, "")}%`, f.plate.toUpperCase());
      }
      if (f.day) {
        const start = dayStartOfDate(f.day, timezone) ?? 0;
        const next = new Date(Date.parse(`${f.day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        where.push("e.at >= ? AND e.at < ?");
        args.push(start, dayStartOfDate(next, timezone) ?? start + 86_400_000);
      }
      if (f.action) {
        where.push("e.type = ?");
        args.push(f.action);
      }
      if (page.before !== undefined) {
        where.push("e.seq < ?");
        args.push(page.before);
      }
      return db
        .prepare(
          `SELECT e.*, c.plate, c.code FROM crossing_events e JOIN crossings c ON c.id = e.crossing_id
           WHERE ${where.join(" AND ")} ORDER BY e.seq DESC LIMIT ?`,
        )
        .all(...args, page.limit) as AuditEntry[];
    },
  };
}
