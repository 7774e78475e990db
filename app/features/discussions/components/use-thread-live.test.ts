import { describe, expect, it } from "vitest";
import { keepingQuery } from "./use-thread-live";

describe("keepingQuery", () => {
  it("pins the page and keeps the notice of the address being read", () => {
    expect(keepingQuery("/threads/t?page=2", "?done=hidden")).toBe("/threads/t?done=hidden&page=2");
  });
  it("lets the pinned page win over a page in the address", () => {
    expect(keepingQuery("/threads/t?page=3", "?page=1&quote=q")).toBe("/threads/t?page=3&quote=q");
  });
  it("gives the bare path when there is nothing to keep", () => {
    expect(keepingQuery("/threads/t", "")).toBe("/threads/t");
  });
});
