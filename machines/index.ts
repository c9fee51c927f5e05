export * from "./apply.ts";
export * from "./assignments.ts";
export * from "./crossing.ts";
export * from "./rules.ts";
export * from "./state-sets.ts";
export * from "./types.ts";
export * from "./versions.ts";
