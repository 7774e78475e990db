import { TestClock, systemClock, type Clock } from "pg-boss";

/**
 * Business time: reminders, overdue activities, "starts soon", digests. Application code asks this
 * clock (never `Date.now()` or SQL `now()`) and passes the time into queries as a parameter.
 */
export interface BusinessClock {
  now(): Date;
  /** The same time source for pg-boss, so jobs and the app agree on "now". */
  readonly jobClock: Clock;
  readonly controllable: boolean;
  /** Moves time forward (test mode only). */
  advance(ms: number): Promise<Date>;
  /** Jumps to an instant (test mode only). */
  set(at: Date): Promise<Date>;
  close(): void;
}

/** The real clock of production and development. */
export function createSystemClock(): BusinessClock {
  const refuse = async (): Promise<Date> => {
    throw new Error("The system clock cannot be moved");
  };
  return {
    now: () => new Date(systemClock.now()),
    jobClock: systemClock,
    controllable: false,
    advance: refuse,
    set: refuse,
    close() {},
  };
}

/**
 * pg-boss's TestClock, ticking with real time so the app behaves normally in a browser test, and
 * movable by the test-only endpoint so Playwright can pass a deadline inside the server.
 */
export function createTestClock(start: Date = new Date(), tickMs = 200): BusinessClock {
  const clock = new TestClock(start);
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn, fn);
    chain = next.catch(() => {});
    return next;
  };
  let last = performance.now();
  const timer = setInterval(() => {
    const current = performance.now();
    const elapsed = Math.floor(current - last);
    if (elapsed <= 0) return;
    last += elapsed;
    void serial(() => clock.tick(elapsed));
  }, tickMs);
  timer.unref();
  return {
    now: () => new Date(clock.now()),
    jobClock: clock,
    controllable: true,
    advance: (ms) =>
      serial(async () => {
        await clock.setTime(clock.now() + ms);
        await clock.tick(0);
        return new Date(clock.now());
      }),
    set: (at) =>
      serial(async () => {
        await clock.setTime(at.getTime());
        await clock.tick(0);
        return new Date(clock.now());
      }),
    close: () => clearInterval(timer),
  };
}
