/** Examples of the public reads: checkpoints, their slots and wait times. */
import { SEED_CHECKPOINTS } from "../../../../seed/checkpoints.ts";
import { type ExampleBook, exampleProblem as problem } from "../examples.ts";

/** Nur Zholy as seeded: what a fresh server answers. */
export const nurZholy = (() => {
  const seeded = SEED_CHECKPOINTS.find((c) => c.id === "nur-zholy");
  if (!seeded) throw new Error("Nur Zholy is not seeded");
  return seeded;
})();

const waitTime = {
  checkpointId: "nur-zholy",
  name: "Nur Zholy (Khorgos)",
  neighbour: "CN",
  open: true,
  trucksWaiting: 42,
  estimatedWaitMinutes: 95,
  lanesOpen: 10,
  throughputLastHour: 27,
  updatedAt: "2026-11-24T05:00:03.000Z",
};

export const PUBLIC_EXAMPLES: ExampleBook = {
  listCheckpoints: {
    all: {
      summary: "Every checkpoint with its configuration (one shown)",
      response: { status: 200, body: [nurZholy] },
    },
  },
  getCheckpoint: {
    nurZholy: {
      summary: "Nur Zholy at Khorgos",
      params: { id: "nur-zholy" },
      response: { status: 200, body: nurZholy },
    },
    unknown: {
      summary: "A checkpoint that does not exist",
      params: { id: "atlantis" },
      response: { status: 404, body: problem(404, "Unknown checkpoint", "No checkpoint has that id.") },
    },
  },
  listSlots: {
    nextDay: {
      summary: "The next 24 hours of slots at Nur Zholy (two shown)",
      params: { id: "nur-zholy" },
      response: {
        status: 200,
        body: [
          {
            start: "2026-11-24T05:00:00.000Z",
            end: "2026-11-24T06:00:00.000Z",
            capacity: 50,
            booked: 48,
            available: 2,
          },
          {
            start: "2026-11-24T06:00:00.000Z",
            end: "2026-11-24T07:00:00.000Z",
            capacity: 50,
            booked: 31,
            available: 19,
          },
        ],
      },
    },
  },
  listWaitTimes: {
    all: {
      summary: "Wait times at every checkpoint (one shown)",
      response: { status: 200, body: [waitTime] },
    },
  },
  getCheckpointWaitTimes: {
    nurZholy: {
      summary: "Wait times at Nur Zholy",
      params: { id: "nur-zholy" },
      response: { status: 200, body: waitTime },
    },
  },
};
