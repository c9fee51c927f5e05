/** Examples of the routes behind an API key: a carrier's crossings, the event feed, webhooks, devices. */
import { type ExampleBook, exampleProblem as problem } from "../examples.ts";
import { exampleDeclaration } from "./drivers.ts";
import { EXAMPLE_IDS } from "./ids.ts";

const carrierCrossing = {
  id: EXAMPLE_IDS.carrierCrossing,
  code: "H7ZK3Q8M",
  checkpointId: "korday",
  plate: EXAMPLE_IDS.carrierPlate,
  direction: "export",
  state: "declared",
  priority: "ordinary",
  slot: null,
  checkedInAt: null,
  lane: null,
  callDeadline: null,
  declaration: exampleDeclaration(EXAMPLE_IDS.carrierPlate, "korday"),
  driverless: false,
  gate: null,
  createdAt: "2026-11-23T09:30:00.000Z",
  updatedAt: "2026-11-23T09:30:00.000Z",
};

const subscription = {
  id: EXAMPLE_IDS.subscription,
  url: "https://tms.example.kz/shekara/events",
  createdAt: "2026-11-23T09:00:00.000Z",
  backlog: 0,
  oldestWaitingAt: null,
  deliveredCount: 0,
  lastDeliveredAt: null,
  lastError: null,
  lastErrorAt: null,
};

export const KEYED_EXAMPLES: ExampleBook = {
  declareCarrierCrossing: {
    tir: {
      summary: "A carrier's truck for export through Korday",
      body: exampleDeclaration("321KZT02", "korday"),
      response: {
        status: 201,
        body: {
          ...carrierCrossing,
          id: "Nw3xT7kLq5ZpR2vYc8MbH",
          code: "4PXK9W2R",
          plate: "321KZT02",
          declaration: exampleDeclaration("321KZT02", "korday"),
        },
      },
    },
    alreadyOnTheWay: {
      summary: "The same truck again while its crossing is active",
      body: exampleDeclaration(EXAMPLE_IDS.carrierPlate, "korday"),
      response: {
        status: 409,
        body: problem(
          409,
          "Already on the way",
          "This truck already has an active crossing at this checkpoint.",
        ),
      },
    },
  },
  bookCarrierCrossing: {
    firstAvailable: {
      summary:
        "The carrier's system books the earliest slot with a place left (no driver's phone is asked for)",
      params: { id: EXAMPLE_IDS.carrierToBook },
      body: { firstAvailable: true },
      response: {
        status: 201,
        body: {
          ...carrierCrossing,
          id: EXAMPLE_IDS.carrierToBook,
          code: "W7PK2M9R",
          plate: "420BOK02",
          state: "booked",
          slot: { start: "2026-11-23T10:00:00.000Z", end: "2026-11-23T11:00:00.000Z" },
          declaration: exampleDeclaration("420BOK02", "korday"),
          updatedAt: "2026-11-23T09:31:00.000Z",
        },
      },
    },
  },
  listCarrierCrossings: {
    declared: {
      summary: "The first page of this carrier's declared crossings",
      params: { state: "declared", limit: 50 },
      response: { status: 200, body: { crossings: [carrierCrossing], next: null } },
    },
  },
  getCarrierCrossing: {
    own: {
      summary: "One of this carrier's crossings",
      params: { id: EXAMPLE_IDS.carrierCrossing },
      response: { status: 200, body: carrierCrossing },
    },
  },
  listEvents: {
    fromTheStart: {
      summary: "The feed from its start, as a carrier's key reads it",
      params: { after: 0, limit: 100 },
      response: {
        status: 200,
        body: {
          events: [
            {
              seq: 1,
              crossingId: EXAMPLE_IDS.carrierCrossing,
              checkpointId: "korday",
              n: 0,
              type: "DECLARE",
              from: null,
              to: "declared",
              at: "2026-11-23T09:30:00.000Z",
              actorKind: "carrier",
              plate: EXAMPLE_IDS.carrierPlate,
              details: { priority: "ordinary" },
            },
          ],
          next: 1,
          hasMore: false,
        },
      },
    },
  },
  subscribeWebhook: {
    subscribe: {
      summary: "Events to the carrier's transport system",
      body: { url: "https://tms.example.kz/shekara/events", secret: "Zq8v3Lx1Wp7Kd5Tn2Rb9" },
      response: { status: 201, body: { ...subscription, id: "whk_Xp2mQ7vLk4Tn" } },
    },
  },
  listWebhooks: {
    mine: {
      summary: "This key's subscriptions",
      response: { status: 200, body: [subscription] },
    },
  },
  unsubscribeWebhook: {
    unsubscribe: {
      summary: "No more events to that address",
      params: { id: EXAMPLE_IDS.subscription },
      response: { status: 204 },
    },
  },
  checkInByPlate: {
    booked: {
      summary: "Bakhty's camera reads a booked truck at the waiting area's gate",
      body: { plate: "417 ARR 05" },
      response: {
        status: 200,
        body: { crossingId: "Bq6wN2kTz8LmX4rVc1PsJ", state: "waitingArea", lane: null },
      },
    },
  },
  readAtSmartGate: {
    driverlessGreen: {
      summary: "Bakhty's Smart Customs gate reads a driverless green truck: the barrier lifts",
      body: { readId: "bakhty-gate-1:000417", plate: "419 DRV 05", vin: EXAMPLE_IDS.gateVin },
      response: {
        status: 200,
        body: {
          readId: "bakhty-gate-1:000417",
          crossingId: "Gt5nV8qLw2KxR6mZc3PbJ",
          plate: EXAMPLE_IDS.gatePlate,
          driverless: true,
          barrier: "open",
          decision: "released",
          reasonCode: null,
          reason: null,
          state: "released",
          at: "2026-11-23T10:12:30.000Z",
        },
      },
    },
    nobodyExpected: {
      summary: "A vehicle nobody booked here: keep the barrier closed",
      body: { readId: "bakhty-gate-1:000418", plate: "000NON05" },
      response: {
        status: 404,
        body: problem(
          404,
          "No truck expected",
          "At bakhty, no truck with that plate or VIN is expected here: keep the barrier closed.",
        ),
      },
    },
  },
  releaseThroughUnmannedLane: {
    green: {
      summary: "A green truck with a complete declaration leaves through the unmanned lane",
      body: { plate: EXAMPLE_IDS.unmannedPlate },
      response: { status: 200, body: { crossingId: "Yc3kR9wNp5TzL7mQx2BvH", state: "released", lane: null } },
    },
  },
};
