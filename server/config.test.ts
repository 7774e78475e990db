import express from "express";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

/** What Express then trusts: whether the address of the given hop may set X-Forwarded-For. */
function trusts(value: string, address: string, hop = 0): boolean {
  const app = express();
  app.set("trust proxy", loadConfig({ TRUST_PROXY: value }).TRUST_PROXY);
  return (app.get("trust proxy fn") as (a: string, i: number) => boolean)(address, hop);
}

describe("TRUST_PROXY", () => {
  it("a number is a hop count: the one proxy in front, wherever it runs", () => {
    expect(trusts("1", "10.0.0.10")).toBe(true);
    expect(trusts("1", "203.0.113.7", 1)).toBe(false);
  });

  it("anything else names addresses", () => {
    expect(trusts("loopback", "127.0.0.1")).toBe(true);
    expect(trusts("loopback", "10.0.0.10")).toBe(false);
    expect(trusts("10.0.0.10", "10.0.0.10")).toBe(true);
  });
});
