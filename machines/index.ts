export * from "./apply.ts";
export * from "./crossing.ts";
export * from "./rules.ts";
export * from "./types.ts";
