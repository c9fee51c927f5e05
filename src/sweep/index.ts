export { sweepCsv } from "./csv.ts";
export { type Combination, expandSweep, MAX_COMBINATIONS } from "./expand.ts";
export { numericFields } from "./fields.ts";
export { scenarioHash } from "./hash.ts";
export { outcomeOf, type ReplicationOutcome } from "./outcome.ts";
export { planSweep, type SweepPlan } from "./plan.ts";
export {
  type CombinationRow,
  type SweepInput,
  type SweepReport,
  smallestMeeting,
  sweepReport,
} from "./report.ts";
export { tableRows, targetLine } from "./table.ts";
export { parseVaries, parseVary, type Vary } from "./vary.ts";
