/**
 * Kazakhstan's road checkpoints for the seed. Sources are cited beside the figures; lanes,
 * scanners, bays and slot capacity are estimates (../shared/domain.md) for planners to override.
 */
import { type Checkpoint, ECHERHA_CYCLE, FIFO_CYCLE } from "../src/domain/checkpoint.ts";

const common = {
  // Kazakhstan moved to a single time zone, UTC+5, on 1 March 2024; tzdata's Asia/Almaty follows it.
  timezone: "Asia/Almaty",
  graceMinutes: 60,
  callDeadlineMinutes: 20,
  bookingHorizonDays: 7,
  // eCherha: one postponement per truck per 60 days, cancellations limited (kmu.gov.ua)
  postponementsPer60Days: 1,
  cancellationsPer60Days: 2,
  walkInsAllowed: false,
  unmannedGreenLane: false,
  queueCycle: ECHERHA_CYCLE,
  openFromHour: 0,
  openToHour: 24,
  // off for the demo, so it and the API's examples work without a phone; the README says how to turn it on
  verifyPhone: false,
  activeBookingsPerPhone: 3,
  // issue 14's defaults: a VIN is optional, an unbooked declaration lapses after a day, a booked
  // truck may check in from an hour before its slot
  requireVin: false,
  declarationLapseHours: 24,
  earlyArrivalMinutes: 60,
  // issue 22: no Smart Customs lane unless a checkpoint runs one; round the clock where it does
  smartCustomsLane: false,
  smartLaneFromHour: 0,
  smartLaneToHour: 24,
};

export const SEED_CHECKPOINTS: Checkpoint[] = [
  {
    id: "nur-zholy",
    name: "Nur Zholy (Khorgos)",
    names: { ru: "Нур Жолы (Хоргос)", kk: "Нұр Жолы (Қорғас)", zh: "努尔若利（霍尔果斯）" },
    neighbour: "CN",
    neighbourCheckpoint: "Khorgos",
    config: {
      ...common,
      // estimate: "8-12 truck lanes, 1-2 X-ray scanners, a few bays" (domain.md)
      documentLanes: 10,
      scanners: 2,
      inspectionBays: 8, // as the re-calibrated baseline (seed/scenarios/nur-zholy-baseline.json) that meets the 2024 TRS
      slotMinutes: 60,
      // 1,200 vehicles a day by November 2025 (Zhetysu governor via menafn.com, 2025-11-25): 50 an hour
      slotCapacity: 50,
      // the Electronic Queue System's limit from 13 November 2025 (State Revenue Committee via timesca.com)
      dailyLimit: 650,
    },
  },
  {
    id: "bakhty",
    name: "Bakhty",
    names: { ru: "Бахты", kk: "Бақты", zh: "巴克图" },
    neighbour: "CN",
    neighbourCheckpoint: "Pokitu (Tacheng)",
    config: {
      ...common,
      documentLanes: 4,
      scanners: 1,
      inspectionBays: 2,
      slotMinutes: 60,
      slotCapacity: 15,
      dailyLimit: 300,
      // Smart Customs pilot with driverless trucks from 23 July 2025 (cdb.kz)
      unmannedGreenLane: true,
      // the pilot's driverless trucks cross round the clock (domain.md: "24-hour operation")
      smartCustomsLane: true,
    },
  },
  {
    id: "maikapchagai",
    name: "Maikapchagai",
    names: { ru: "Майкапчагай", kk: "Майқапшағай", zh: "吉木乃" },
    neighbour: "CN",
    neighbourCheckpoint: "Jeminay",
    config: {
      ...common,
      documentLanes: 3,
      scanners: 1,
      inspectionBays: 2,
      slotMinutes: 60,
      slotCapacity: 12,
      dailyLimit: 150,
      openFromHour: 9,
      openToHour: 21,
    },
  },
  {
    id: "kalzhat",
    name: "Kalzhat",
    names: { ru: "Калжат", kk: "Қалжат", zh: "都拉塔" },
    neighbour: "CN",
    neighbourCheckpoint: "Dulaty",
    config: {
      ...common,
      documentLanes: 3,
      scanners: 1,
      inspectionBays: 2,
      slotMinutes: 60,
      slotCapacity: 12,
      dailyLimit: 150,
      openFromHour: 9,
      openToHour: 21,
    },
  },
  {
    id: "dostyk",
    name: "Dostyk (road)",
    names: { ru: "Достык (автодорожный)", kk: "Достық (автожол)", zh: "多斯特克（公路）" },
    neighbour: "CN",
    neighbourCheckpoint: "Alashankou",
    config: {
      ...common,
      documentLanes: 4,
      scanners: 1,
      inspectionBays: 2,
      slotMinutes: 60,
      slotCapacity: 15,
      dailyLimit: 300,
    },
  },
  {
    id: "korday",
    name: "Korday",
    names: { ru: "Кордай", kk: "Қордай", zh: "科尔代" },
    neighbour: "KG",
    neighbourCheckpoint: "Ak-Jol",
    config: {
      ...common,
      documentLanes: 8,
      scanners: 2,
      inspectionBays: 3,
      slotMinutes: 30,
      slotCapacity: 20,
      dailyLimit: 900,
      walkInsAllowed: true,
      queueCycle: FIFO_CYCLE,
    },
  },
  {
    id: "zhibek-zholy",
    name: "Zhibek Zholy",
    names: { ru: "Жибек Жолы", kk: "Жібек Жолы", zh: "日贝克若利" },
    neighbour: "UZ",
    neighbourCheckpoint: "Gisht Kuprik",
    config: {
      ...common,
      documentLanes: 8,
      scanners: 1,
      inspectionBays: 3,
      slotMinutes: 60,
      slotCapacity: 35,
      dailyLimit: 800,
      walkInsAllowed: true,
    },
  },
];
