/** Examples of the public reads: checkpoints, their slots and wait times. */
import { type ExampleBook, exampleProblem as problem } from "../examples.ts";

export const nurZholy = {
  id: "nur-zholy",
  name: "Nur Zholy (Khorgos)",
  names: { ru: "Нур Жолы (Хоргос)", kk: "Нұр Жолы (Қорғас)", zh: "努尔若利（霍尔果斯）" },
  neighbour: "CN",
  neighbourCheckpoint: "Khorgos",
  config: {
    timezone: "Asia/Almaty",
    documentLanes: 10,
    scanners: 2,
    inspectionBays: 4,
    slotMinutes: 60,
    slotCapacity: 50,
    dailyLimit: 650,
    queueCycle: [
      "perishableTransit",
      "perishable",
      "transit",
      "ordinary",
      "ordinary",
      "ordinary",
      "ordinary",
      "ordinary",
    ],
    graceMinutes: 60,
    walkInsAllowed: false,
    unmannedGreenLane: false,
    callDeadlineMinutes: 20,
    bookingHorizonDays: 7,
    postponementsPer60Days: 1,
    cancellationsPer60Days: 2,
    openFromHour: 0,
    openToHour: 24,
  },
};

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
