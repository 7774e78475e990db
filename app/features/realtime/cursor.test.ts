import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { StreamCursor, type StreamEvent } from "./cursor";

const ev = (seq: number): StreamEvent => ({ stream: "test:a", seq, type: "t", payload: {}, at: "" });

describe("StreamCursor", () => {
  it("applies the next events, drops duplicates and reports a gap", () => {
    const cursor = new StreamCursor(2);
    expect(cursor.take([ev(3), ev(3), ev(2)]).apply.map((e) => e.seq)).toEqual([3]);
    const gap = cursor.take([ev(5)]);
    expect(gap).toEqual({ apply: [], gap: true });
    expect(cursor.last).toBe(3);
    expect(cursor.take([ev(5), ev(4)]).apply.map((e) => e.seq)).toEqual([4, 5]);
  });

  it("whatever the order and repetition of deliveries, applies each event exactly once in order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 120 }), (deliveries) => {
        const cursor = new StreamCursor(0);
        const applied: number[] = [];
        for (const seq of deliveries) {
          const { apply, gap } = cursor.take([ev(seq)]);
          applied.push(...apply.map((e) => e.seq));
          // On a gap the client asks for catch-up: everything after `last` up to what it has seen.
          if (gap) applied.push(...cursor.take(Array.from({ length: seq - cursor.last }, (_, i) => ev(cursor.last + 1 + i))).apply.map((e) => e.seq));
        }
        expect(applied).toEqual(Array.from({ length: applied.length }, (_, i) => i + 1));
      }),
    );
  });
});
