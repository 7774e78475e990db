export * from "./directory.ts";
