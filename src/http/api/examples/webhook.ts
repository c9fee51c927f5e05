/** The example of what Shekara POSTs to a subscriber: documentation only, Shekara is the caller. */
import type { ExampleBook } from "../examples.ts";
import { EXAMPLE_IDS } from "./ids.ts";

export const WEBHOOK_EXAMPLES: ExampleBook = {
  receiveCrossingEvent: {
    booked: {
      summary: "A carrier's truck booked a slot",
      params: {
        "Shekara-Signature":
          "t=1763888400,v1=5f2b7c0e9d4a1b3c6e8f0a2d4c6b8e0f1a3c5e7d9b1f3a5c7e9d1b3f5a7c9e1d",
        "Shekara-Event-Seq": "2",
        "Shekara-Delivery": "42",
      },
      body: {
        subscriptionId: EXAMPLE_IDS.subscription,
        event: {
          seq: 2,
          crossingId: EXAMPLE_IDS.carrierCrossing,
          checkpointId: "korday",
          n: 1,
          type: "BOOK",
          from: "declared",
          to: "booked",
          at: "2026-11-23T09:31:00.000Z",
          actorKind: "driver",
          plate: EXAMPLE_IDS.carrierPlate,
          details: { slot: { start: "2026-11-24T05:00:00.000Z", end: "2026-11-24T05:30:00.000Z" } },
        },
      },
      response: { status: 200 },
    },
  },
};
