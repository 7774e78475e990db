export * from "./directory.ts";
export * from "./events.ts";
export * from "./accounts.ts";
