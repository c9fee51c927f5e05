/**
 * What the write and officer benchmarks need in the server's database before the load starts:
 * declared trucks for the booking POST (one per request, each with its own plate) on a checkpoint
 * whose slots have room for all of them, and a signed-in officer's session for the dashboard.
 * Written through the stores from a second connection, as a carrier's platform would write them.
 */
import { SEED_RISK_POLICY } from "../seed/risk-rules.ts";
import { declarationSchema } from "../src/domain/declaration.ts";
import { apiKeyStore } from "../src/store/api-keys.ts";
import { checkpointStore } from "../src/store/checkpoints.ts";
import { crossingStore } from "../src/store/crossings.ts";
import { openDatabase } from "../src/store/db.ts";
import { declareTruck } from "../src/store/declare.ts";
import { declaration } from "../test/api/support.ts";
import { bookedDriverless } from "../test/officer/support.ts";

export function declaredTrucks(dbPath: string, checkpointId: string, count: number): string[] {
  const db = openDatabase(dbPath);
  try {
    const checkpoints = checkpointStore(db);
    const cp = checkpoints.get(checkpointId);
    if (!cp) throw new Error(`no checkpoint ${checkpointId}`);
    // room for every booking the benchmark sends, so it measures bookings, not refusals
    checkpoints.updateConfig(cp.id, { ...cp.config, slotCapacity: 1000, dailyLimit: 20_000 }, Date.now());
    const crossings = crossingStore(db);
    const ids: string[] = [];
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const out = declareTruck(crossings, {
          declaration: declarationSchema.parse(declaration(`B${String(i).padStart(6, "0")}`, checkpointId)),
          risk: SEED_RISK_POLICY,
          sample: 0.5,
          at: Date.now(),
          actor: { kind: "driver", id: "bench" },
          policy: { requireVin: false },
        });
        if (!out.ok) throw new Error(out.reason);
        ids.push(out.crossing.row.id);
      }
    })();
    // fold the bulk insert into the database file now, or the server's next write would pay for
    // checkpointing it in the middle of a measurement
    db.pragma("wal_checkpoint(TRUNCATE)");
    return ids;
  } finally {
    db.close();
  }
}

/** The slots a driver can book now (the API's own answer), for the booking POSTs to spread over. */
export async function bookableSlots(url: string, checkpointId: string): Promise<string[]> {
  const starts: string[] = [];
  const today = Date.now();
  for (let day = 0; day < 7; day++) {
    const date = new Date(today + day * 86_400_000).toISOString().slice(0, 10);
    const slots = (await (
      await fetch(`${url}/api/v1/checkpoints/${checkpointId}/slots?date=${date}`)
    ).json()) as {
      start: string;
      available: number;
    }[];
    // not a slot that begins while the benchmark runs: its bookings would become refusals
    const later = Date.now() + 3_600_000;
    for (const s of slots)
      if (s.available > 0 && Date.parse(s.start) > later && !starts.includes(s.start)) starts.push(s.start);
  }
  return starts;
}

/** The booking POSTs, one after another: each books the next declared truck into the next slot. */
export function bookingPosts(trucks: string[], slots: string[]): () => { path: string; body: string } {
  let next = 0;
  return () => {
    const i = next++;
    return {
      path: `/api/v1/crossings/${trucks[i % trucks.length]}/booking`,
      body: JSON.stringify({ slotStart: slots[i % slots.length] }),
    };
  };
}

/** Signs in through the form, as a browser does; returns the session cookie. */
export async function officerCookie(url: string, username: string, password: string): Promise<string> {
  const page = await fetch(`${url}/sign-in`);
  const signInCookie = page.headers
    .getSetCookie()
    .find((c) => c.startsWith("shekara_signin="))
    ?.split(";")[0];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
  const res = await fetch(`${url}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: signInCookie ?? "" },
    body: new URLSearchParams({ _csrf: csrf, username, password, next: "" }).toString(),
  });
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith("shekara_session="))
    ?.split(";")[0];
  if (!cookie) throw new Error(`sign-in of ${username} failed: ${res.status}`);
  return cookie;
}

/**
 * Issue 22's gate request: driverless green trucks, each with its own plate and VIN, booked into the
 * slot running now at Bakhty (whose Smart Customs lane is open round the clock in the seed), and a
 * gate key. Each gate read then checks one in and releases it, as the lane's gate would.
 */
export function gateTrucks(dbPath: string, count: number): { secrets: string[]; plates: string[] } {
  const db = openDatabase(dbPath);
  try {
    const at = Date.now();
    const keys = apiKeyStore(db);
    const carrier = keys.create({ kind: "carrier", label: "bench fleet" }, { userId: "bench" }, at);
    // a key's own rate limit is at most 100,000 a minute: the load is spread over gates enough for it
    const gates = Array.from({ length: 8 }, (_, i) =>
      keys.create(
        { kind: "gate", label: `bench gate ${i}`, checkpointId: "bakhty", rateLimitPerMinute: 100_000 },
        { userId: "bench" },
        at,
      ),
    );
    const crossings = crossingStore(db);
    const slotStart = Math.floor(at / 3_600_000) * 3_600_000;
    // the slot to the end of the benchmark: a read near an hour's turn still finds it in time
    const slot = { start: slotStart, end: slotStart + 3 * 3_600_000 };
    const plates: string[] = [];
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const plate = `${String(i).padStart(6, "0")}GT05`;
        const { driver: _none, ...rest } = declaration(plate, "bakhty", true);
        const vehicle = { ...rest.vehicle, vin: `XTC${String(i).padStart(14, "0")}` };
        bookedDriverless(crossings, { ...rest, vehicle }, carrier.key.id, at, slot);
        plates.push(plate);
      }
    })();
    db.pragma("wal_checkpoint(TRUNCATE)");
    return { secrets: gates.map((g) => g.secret), plates };
  } finally {
    db.close();
  }
}

/** The gate's reads, one after another: each reads the next truck, with a read id of its own. */
export function gateReads(
  secrets: string[],
  plates: string[],
): () => { path: string; body: string; headers: Record<string, string> } {
  let next = 0;
  const headers = secrets.map((s) => ({ Authorization: `Bearer ${s}`, "Content-Type": "application/json" }));
  return () => {
    const i = next++;
    return {
      path: "/api/v1/gate/reads",
      body: JSON.stringify({ readId: `bench-${i}`, plate: plates[i % plates.length] }),
      headers: headers[i % headers.length] as Record<string, string>,
    };
  };
}
