export * from "./directory.ts";
export * from "./events.ts";
