export { compileMachine, execute } from "../../machines/table.ts";
export { type Distribution, distributionSchema, sampler } from "./distributions.ts";
export { runReplication } from "./model.ts";
export { type SimReport, simulate, summarise } from "./report.ts";
export { parseScenario, type Scenario, scenarioSchema } from "./scenario.ts";
export { parseTrace, type TraceRow } from "./trace.ts";
