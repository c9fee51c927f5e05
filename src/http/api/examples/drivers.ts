/** Examples of the drivers' routes: a truck declared, booked, followed, given back and cancelled. */
import { type ExampleBook, exampleProblem as problem } from "../examples.ts";
import { EXAMPLE_IDS } from "./ids.ts";

/** A pre-declaration as a driver or a carrier's platform lodges it. */
export const exampleDeclaration = (plate: string, checkpointId: string) => ({
  checkpointId,
  direction: "export",
  vehicle: { plate, country: "KZ", trailerPlate: "77TRL02" },
  driver: { name: "Serik Akhmetov", phone: "+77011234567" },
  cargo: {
    description: "Fresh apples, 20 pallets",
    hsCodes: ["080810"],
    grossWeightKg: 20000,
    valueUsd: 18000,
  },
  transitDocument: { type: "none" },
});

/** A driverless truck's declaration (issue 22): its VIN, and no driver at all; only a carrier's key lodges it. */
export const exampleDriverlessDeclaration = (plate: string, vin: string, checkpointId: string) => {
  const { driver: _none, ...rest } = exampleDeclaration(plate, checkpointId);
  return { ...rest, vehicle: { ...rest.vehicle, vin }, driverless: true };
};

const slot = { start: "2026-11-24T05:00:00.000Z", end: "2026-11-24T06:00:00.000Z" };
/** Declared, booked, then the states given, each with when it was entered. */
const history = (...later: [string, string][]) =>
  [["declared", "2026-11-23T16:12:40.000Z"], ["booked", "2026-11-23T16:13:05.000Z"], ...later].map(
    ([state, at]) => ({ state, at }),
  );
const crossing = (id: string, code: string, state: string, extra: object = {}) => ({
  id,
  code,
  state,
  checkpointId: "nur-zholy",
  slot,
  queue: null,
  call: null,
  history: history(),
  ...extra,
});

export const DRIVER_EXAMPLES: ExampleBook = {
  declareCrossing: {
    apples: {
      summary: "A truck of apples for export through Nur Zholy",
      body: exampleDeclaration("123ABC02", "nur-zholy"),
      response: {
        status: 201,
        body: {
          id: "Gf4nW8qZk2RtY6mLc9XpB",
          code: "7KQ2MX9P",
          state: "declared",
          statusUrl: "/c/Gf4nW8qZk2RtY6mLc9XpB",
        },
      },
    },
    invalid: {
      summary:
        "A phone number without its country code and a TIR carnet number too short: each field is named, nothing is saved",
      body: {
        ...exampleDeclaration("124ABC02", "nur-zholy"),
        driver: { name: "Serik Akhmetov", phone: "8701 123" },
        transitDocument: { type: "TIR", number: "XA123" },
      },
      response: {
        status: 422,
        body: problem(
          422,
          "Invalid request",
          "Some fields are not valid: driver.phone (International format, e.g. +77011234567); transitDocument.number (TIR carnet: 2 letters and 8 digits). Nothing was saved.",
          {
            errors: [
              { field: "driver.phone", message: "International format, e.g. +77011234567" },
              { field: "transitDocument.number", message: "TIR carnet: 2 letters and 8 digits" },
            ],
          },
        ),
      },
    },
  },
  getCrossing: {
    queued: {
      summary: "A truck in the waiting area, second in the queue",
      params: { id: EXAMPLE_IDS.queuedCrossing },
      response: {
        status: 200,
        body: crossing(EXAMPLE_IDS.queuedCrossing, "M4T8QZ2K", "waitingArea", {
          checkpointId: "korday",
          queue: { position: 2, ahead: 1, estimatedWaitMinutes: 12 },
          history: history(["waitingArea", "2026-11-24T05:07:51.000Z"]),
        }),
      },
    },
  },
  bookSlot: {
    firstAvailable: {
      summary: "The earliest slot with a place left",
      params: { id: EXAMPLE_IDS.declaredCrossing },
      body: { firstAvailable: true },
      response: { status: 201, body: crossing(EXAMPLE_IDS.declaredCrossing, "9RBX4K7T", "booked") },
    },
  },
  cancelBooking: {
    giveBack: {
      summary: "The place goes back to the slot; the truck may book again",
      params: { id: EXAMPLE_IDS.bookedCrossing },
      response: {
        status: 200,
        body: crossing(EXAMPLE_IDS.bookedCrossing, "C3NW8Y5H", "declared", {
          slot: null,
          history: history(["declared", "2026-11-23T18:40:12.000Z"]),
        }),
      },
    },
  },
  sendPhoneCode: {
    send: {
      summary: "Where the checkpoint checks phones: a six-digit code goes to the declared number",
      params: { id: EXAMPLE_IDS.declaredCrossing },
      response: { status: 202, body: { verified: false, sentTo: "+7••••••••67" } },
    },
  },
  verifyPhone: {
    wrong: {
      summary: "A code that was not the one sent: refused, and the field named",
      params: { id: EXAMPLE_IDS.bookedCrossing },
      body: { code: "000000" },
      response: {
        status: 422,
        body: problem(422, "Code not accepted", "That code is not right.", {
          errors: [{ field: "code", message: "That code is not right." }],
        }),
      },
    },
  },
  cancelCrossing: {
    cancel: {
      summary: "The trip is off: the crossing is cancelled and its slot freed",
      params: { id: EXAMPLE_IDS.cancelledCrossing },
      response: {
        status: 200,
        body: crossing(EXAMPLE_IDS.cancelledCrossing, "P8KD2R6V", "cancelled", {
          history: history(["cancelled", "2026-11-23T19:02:47.000Z"]),
        }),
      },
    },
  },
};
