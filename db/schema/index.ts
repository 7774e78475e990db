export * from "./directory.ts";
export * from "./events.ts";
export * from "./accounts.ts";
export * from "./staff.ts";
