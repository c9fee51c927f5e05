/**
 * A driverless crossing (issue 22) is its carrier's: declared, booked and cancelled by the carrier's
 * system with its key, through the carriers' API. A driver's link (the pages and the drivers' API)
 * may still read it, but changes nothing: no booking, no cancel, and no phone code, since it has no
 * phone. The machine itself refuses a driver's booking or cancel of it (rules.carriersOwn, machine
 * version 3); this door answers every write of a driver's link before its body is read, the drivers'
 * API with its documented 403, the pages with the reason in the driver's language, and covers the
 * writes that are no event of the machine (a phone code).
 */
import type { Context, MiddlewareHandler } from "hono";
import type { DB } from "../../store/db.ts";
import type { AppDeps } from "../deps.ts";
import { problem } from "../problem.ts";
import { langOf } from "./lang.ts";

/** The drivers' API's 403 for a driverless crossing, as its document describes it. */
export const DRIVERLESS_403 = "A driverless crossing: its carrier changes it through the carriers' API";

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether the crossing of this id is driverless: one column, not the whole crossing, on every write. */
function driverlessCheck(db: DB) {
  const flag = db.prepare("SELECT driverless FROM crossings WHERE id = ?").pluck();
  return (id: string) => flag.get(id) === 1;
}

/** Lets reads and the writes on a crossing with a driver through; answers the others with `refuse`. */
function carriersOwn(
  deps: Pick<AppDeps, "db">,
  refuse: (c: Context, id: string) => Response,
): MiddlewareHandler {
  const driverless = driverlessCheck(deps.db);
  return async (c, next) => {
    const id = c.req.param("id");
    if (READS.has(c.req.method) || id === undefined || !driverless(id)) return next();
    return refuse(c, id);
  };
}

/** For `/api/v1/crossings/:id/*`: a 403 problem, before the body is read. */
export const carriersOwnApi = (deps: Pick<AppDeps, "db">) =>
  carriersOwn(deps, (c) =>
    problem(
      c,
      403,
      "The carrier's crossing",
      "This crossing is driverless: its carrier books and cancels it through the carriers' API. Nothing was changed.",
    ),
  );

/** For `/c/:id/*`: back to the crossing's page, which says why in the driver's language. */
export const carriersOwnPages = (deps: Pick<AppDeps, "db">) =>
  carriersOwn(deps, (c, id) => c.redirect(`/c/${id}?lang=${langOf(c).lang}&msg=book.carrierOnly`, 303));
