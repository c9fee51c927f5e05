import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SEED_RISK_POLICY } from "../../seed/risk-rules.ts";
import { readConfig } from "../../src/config.ts";
import { declarationSchema } from "../../src/domain/declaration.ts";
import { parseDeclarationForm } from "../../src/http/driver/form.ts";
import { createRuntime } from "../../src/runtime.ts";
import { bookingStore } from "../../src/store/booking.ts";
import { declareTruck } from "../../src/store/declare.ts";
import { goodForm } from "./support/forms.ts";

// Two runtimes on one database file: two connections racing for the same places.
const path = join(mkdtempSync(join(tmpdir(), "shekara-booking-")), "db.sqlite");
const open = () =>
  createRuntime(
    readConfig({
      VERIFY_LOG_ON_CLOSE: "on",
      DATABASE_PATH: path,
      SEED_DEMO_TRAFFIC: "off",
      SHEKARA_DEMO_PASSWORD: "test-password-1",
    }),
    () => {},
  );
const a = open();
const b = open();
afterAll(() => {
  a.close();
  b.close();
});

const must = <T>(x: T | undefined): T => {
  if (x === undefined) throw new Error("missing");
  return x;
};

const declare = (plate: string) => {
  const parsed = parseDeclarationForm(Object.fromEntries(goodForm(plate)));
  if (!parsed.ok) throw new Error("the good form should parse");
  const outcome = declareTruck(a.deps.crossings, {
    declaration: declarationSchema.parse(parsed.declaration),
    risk: SEED_RISK_POLICY,
    sample: 0.5,
    at: Date.now(),
    actor: { kind: "driver", id: "test" },
    policy: { requireVin: false },
  });
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.crossing.row.id;
};

describe("booking a slot", () => {
  it("never overbooks when two connections race for the last places", () => {
    const cp = a.deps.checkpoints.get("nur-zholy");
    if (!cp) throw new Error("seeded checkpoint missing");
    const stores = [
      bookingStore(a.deps.db, a.deps.crossings),
      bookingStore(b.deps.db, b.deps.crossings),
    ] as const;
    const now = Date.now();
    const slot = must(stores[0].slots(cp, now, 1, now)[0]);
    const trucks = Array.from({ length: slot.available + 6 }, (_, i) =>
      declare(`RACE${String(i).padStart(3, "0")}`),
    );
    const results = trucks.map((id, i) =>
      (i % 2 ? stores[1] : stores[0]).book(cp, id, slot.start, now, { kind: "driver", id }),
    );
    const won = results.filter((r) => r.ok).length;
    expect(won).toBe(slot.available);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === "book.full")).toBe(true);
    expect(stores[1].slots(cp, now, 1, now)[0]).toMatchObject({ booked: slot.capacity, available: 0 });
  });

  it("refuses past and beyond-horizon slots, and gives a place back on cancel", () => {
    const cp = a.deps.checkpoints.get("nur-zholy");
    if (!cp) throw new Error("seeded checkpoint missing");
    const store = bookingStore(a.deps.db, a.deps.crossings);
    const now = Date.now();
    const id = declare("BACK0001");
    const actor = { kind: "driver" as const, id };
    const first = must(store.slots(cp, now, 3, now)[2]);
    expect(store.book(cp, id, first.start - 3 * 86_400_000 * 30, now, actor)).toMatchObject({
      reason: "book.past",
    });
    expect(store.book(cp, id, first.start + 60 * 86_400_000, now, actor)).toMatchObject({
      reason: "book.horizon",
    });
    expect(store.book(cp, id, first.start, now, actor).ok).toBe(true);
    expect(must(store.slots(cp, now, 3, now)[2]).booked).toBe(first.booked + 1);
    const before = store.remaining(cp, "BACK0001", now).postponements;
    expect(store.cancelBooking(cp, id, now, actor).ok).toBe(true);
    expect(must(store.slots(cp, now, 3, now)[2]).booked).toBe(first.booked);
    expect(store.remaining(cp, "BACK0001", now).postponements).toBe(Math.max(0, before - 1));
  });

  it("writes nothing for a refused booking", () => {
    const cp = a.deps.checkpoints.get("nur-zholy");
    if (!cp) throw new Error("seeded checkpoint missing");
    const store = bookingStore(a.deps.db, a.deps.crossings);
    const id = declare("NOPE0001");
    const events = a.deps.crossings.events(id).length;
    store.book(cp, id, 12345, Date.now(), { kind: "driver", id });
    expect(a.deps.crossings.events(id).length).toBe(events);
    expect(a.deps.crossings.get(id)?.row.state).toBe("declared");
  });

  it("refuses a booking once the day's limit is reached, even with places left in the slot", () => {
    const cp = a.deps.checkpoints.get("nur-zholy");
    if (!cp) throw new Error("seeded checkpoint missing");
    const now = Date.now();
    const store = bookingStore(a.deps.db, a.deps.crossings);
    const slot = must(store.slots(cp, now + 2 * 86_400_000, 1, now)[0]);
    // the neighbour accepts one truck a day: the first booking of that day takes it
    const limited = { ...cp, config: { ...cp.config, dailyLimit: 1 } };
    const [x, y] = [declare("DAY00001"), declare("DAY00002")];
    expect(store.book(limited, x, slot.start, now, { kind: "driver", id: x }).ok).toBe(true);
    expect(store.book(limited, y, slot.start, now, { kind: "driver", id: y })).toMatchObject({
      reason: "book.daily",
    });
    expect(must(store.slots(limited, slot.start, 1, now)[0]).available).toBe(0);
  });
});
