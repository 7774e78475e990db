/**
 * The dashboard's figures against a hand-built fixture (tests/factories/dashboard.ts), every number
 * written here; and the policy at the route: a coordinator of one region is refused another's.
 */
import { RouterContextProvider } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../tests/setup/database.ts";
import { createTestServices, type TestServices } from "../../../tests/setup/services.ts";
import { makeDashboardFixture } from "../../../tests/factories/dashboard.ts";
import { makePerson, viewerOfUser } from "../../../tests/factories/people.ts";
import { regionId } from "../../../tests/factories/events.ts";
import { thrownStatus } from "../../../tests/setup/thrown-status.ts";
import type { DatabaseHandle } from "../../../db/client.ts";
import { requestContext, servicesContext } from "../../services.server.ts";
import { GUEST, viewerContext } from "../accounts/viewer.server.ts";
import { computeDashboard, computeTrend, type Indicators } from "./queries.server.ts";
import { quarterPeriod, schoolYearPeriod, calendarYearPeriod } from "./periods.ts";
import { resolveScope, type DashboardScope } from "./scope.server.ts";
import { loadDashboard } from "./page.server.ts";
import { loader as dashboardLoader } from "../../routes/dashboard/index.tsx";
import { loader as exportLoader } from "../../routes/dashboard/export.tsx";

const NOW = new Date("2027-05-15T03:00:00Z"); // 12:00 on 15 May 2027 in Chita
const Q1 = quarterPeriod(2027, 1);
const Q2 = quarterPeriod(2027, 2);

/** The headline figures in one flat object, so expectations read as a table. */
function flat(i: Indicators) {
  const a = i.activities;
  const e = i.events;
  return {
    schoolYear: i.schoolYear,
    partnered: [i.partnerships.numerator, i.partnerships.denominator],
    activities: [a.due, a.on_time, a.late, a.overdue, a.open, a.cancelled],
    practices: [i.practices.submitted, i.practices.reviewed, i.practices.published, i.practices.target],
    events: [e.held, e.interregional, e.participants, e.sessions],
    attendance: [e.attendance.numerator, e.attendance.denominator],
    hours: e.certifiedHours,
    teachers: [i.teachers.numerator, i.teachers.denominator],
  };
}

describe("the programme dashboard", () => {
  let handle: DatabaseHandle & { url?: string };
  let s: TestServices;
  let f: Awaited<ReturnType<typeof makeDashboardFixture>>;
  let platformBefore: { q1: Indicators; q2: Indicators };

  const figures = async (scope: DashboardScope, period = Q1) => computeDashboard(handle.db, (await resolveScope(handle.db, scope))!, period, NOW, 1);

  beforeAll(async () => {
    handle = await createTestDatabase();
    s = await createTestServices(handle, { runJobs: false });
    platformBefore = { q1: (await figures({ kind: "platform" }, Q1)).indicators, q2: (await figures({ kind: "platform" }, Q2)).indicators };
    f = await makeDashboardFixture(handle.db);
  });
  afterAll(async () => {
    await s.stop();
    await handle.close();
  });

  it("computes a region's first quarter from its history (partnership activated at 23:30 on 31 March counts; the event spanning two quarters is held in Q1)", async () => {
    const r = await figures({ kind: "region", id: f.region.id });
    expect(r.window.fromTs).toBe("2026-12-31T15:00:00.000Z");
    expect(r.window.toTs).toBe("2027-03-31T15:00:00.000Z");
    expect(flat(r.indicators)).toEqual({
      schoolYear: "2026/2027",
      partnered: [1, 2],
      activities: [4, 1, 1, 2, 0, 1],
      practices: [2, 1, 1, 4],
      events: [1, 1, 3, 1],
      attendance: [3, 3],
      hours: 0,
      teachers: [3, 17],
    });
    expect(r.indicators.partnerships.value).toBe(0.5);
    expect(r.indicators.activities.onTimeShare.value).toBe(0.25);
    expect(r.schools.map((x) => [x.name, x.teacherCount, x.activeTeachers, x.activePartnership])).toEqual([
      ["СОШ № 1 Северного района", 12, 2, true],
      ["СОШ № 3 Южного района", 5, 1, false],
    ]);
    expect(r.owners.map((o) => [o.owner, o.due, o.on_time, o.late, o.overdue, o.open, o.cancelled])).toEqual([["Гимназия-лидер Северного района — СОШ № 1 Северного района", 4, 1, 1, 2, 0, 1]]);
    expect(r.events.map((e) => [e.title, e.heldHere, e.sessions, e.registered, e.attended, e.regions, e.certifiedMinutes])).toEqual([["Семинар на стыке кварталов", true, 1, 3, 3, 2, 0]]);
  });

  it("computes the second quarter as of today: the late-night activation, the event's second day and its certificates, an activity not yet due", async () => {
    const r = await figures({ kind: "region", id: f.region.id }, Q2);
    expect(r.window.asOfTs).toBe(NOW.toISOString());
    expect(flat(r.indicators)).toEqual({
      schoolYear: "2026/2027",
      partnered: [2, 2],
      activities: [2, 0, 0, 1, 1, 0],
      practices: [0, 1, 0, 4],
      events: [1, 0, 2, 2],
      attendance: [2, 5],
      hours: 9,
      teachers: [2, 17],
    });
    expect(r.events.map((e) => [e.title, e.heldHere, e.sessions, e.attended, e.certifiedMinutes])).toEqual([
      ["Семинар на стыке кварталов", false, 1, 1, 540],
      ["Вебинар апреля", true, 1, 1, 0],
    ]);
  });

  it("reads the history as it stood: an activity done after the quarter was overdue then and is late now", async () => {
    const r = await figures({ kind: "region", id: f.region.id }, { from: "2027-01-01", to: "2027-07-01", key: "custom" });
    expect(flat(r.indicators).activities).toEqual([6, 1, 2, 2, 1, 1]);
    expect(r.indicators.activities.onTimeShare.value).toBeCloseTo(1 / 5);
  });

  it("uses the list of the school year containing the period's last day", async () => {
    const year = await figures({ kind: "region", id: f.region.id }, schoolYearPeriod("2025/2026"));
    expect(flat(year.indicators)).toMatchObject({ schoolYear: "2025/2026", partnered: [1, 2], teachers: [1, 18], activities: [0, 0, 0, 0, 0, 0] });
    expect(year.schools.map((x) => x.name)).toEqual(["СОШ № 1 Северного района", "СОШ № 2 Северного района"]);
    const calendar = await figures({ kind: "region", id: f.region.id }, calendarYearPeriod(2026));
    expect(flat(calendar.indicators)).toMatchObject({ schoolYear: "2026/2027", partnered: [0, 2], teachers: [0, 17] });
  });

  it("narrows to a municipality and to a school", async () => {
    expect(flat((await figures({ kind: "municipality", id: f.south.id }, Q2)).indicators)).toEqual({
      schoolYear: "2026/2027",
      partnered: [1, 1],
      activities: [1, 0, 0, 1, 0, 0],
      practices: [0, 1, 0, null],
      events: [0, 0, 0, 0],
      attendance: [0, 0],
      hours: 0,
      teachers: [1, 5],
    });
    expect(flat((await figures({ kind: "municipality", id: f.north.id })).indicators)).toMatchObject({ partnered: [1, 1], activities: [4, 1, 1, 2, 0, 1], practices: [1, 1, 1, null], teachers: [2, 12] });
    expect(flat((await figures({ kind: "school", id: f.s1.id })).indicators)).toMatchObject({ partnered: [1, 1], activities: [4, 1, 1, 2, 0, 1], practices: [1, 1, 1, null], events: [0, 0, 0, 0], teachers: [2, 12] });
    // A school off the list still sees its own teachers; it has no partnership share.
    const s2 = await figures({ kind: "school", id: f.s2.id });
    expect(flat(s2.indicators)).toMatchObject({ partnered: [0, 0], teachers: [1, 8] });
    expect(s2.indicators.partnerships.value).toBeNull();
  });

  it("adds the region's figures to the platform's (Moscow midnights, the same quarter)", async () => {
    const q1 = (await figures({ kind: "platform" }, Q1)).indicators;
    const delta = (a: Indicators, b: Indicators) => ({
      partnered: [a.partnerships.numerator - b.partnerships.numerator, a.partnerships.denominator - b.partnerships.denominator],
      activities: [a.activities.due - b.activities.due, a.activities.on_time - b.activities.on_time, a.activities.late - b.activities.late, a.activities.overdue - b.activities.overdue],
      practices: [a.practices.submitted - b.practices.submitted, a.practices.reviewed - b.practices.reviewed, a.practices.published - b.practices.published],
      events: [a.events.held - b.events.held, a.events.interregional - b.events.interregional, a.events.participants - b.events.participants],
      teachers: [a.teachers.numerator - b.teachers.numerator, a.teachers.denominator - b.teachers.denominator],
    });
    // The platform's quarter ends at midnight in Moscow (21:00 UTC), six hours after Chita's: P2
    // (activated 19:00 Moscow time on 31 March) is active by then, and activity 1.4 is done by then
    // — late all the same, since its done day is read in its plan's zone (1 April in Chita).
    expect(delta(q1, platformBefore.q1)).toEqual({ partnered: [2, 2], activities: [4, 1, 2, 1], practices: [2, 1, 1], events: [1, 1, 3], teachers: [3, 17] });
    const q2 = (await figures({ kind: "platform" }, Q2)).indicators;
    expect(Math.round((q2.events.certifiedHours - platformBefore.q2.events.certifiedHours) * 10) / 10).toBe(9);
  });

  it("gives the trend month by month, each month being the dashboard of that month", async () => {
    const scope = (await resolveScope(handle.db, { kind: "region", id: f.region.id }))!;
    const trend = await computeTrend(handle.db, scope, Q1, NOW, 1);
    expect(trend.map((p) => [p.month, ...Object.values(flat(p.indicators)).slice(1)])).toEqual([
      ["2027-01", [0, 2], [0, 0, 0, 0, 0, 0], [0, 0, 0, 2], [0, 0, 0, 0], [0, 0], 0, [0, 17]],
      ["2027-02", [0, 2], [1, 1, 0, 0, 0, 1], [1, 1, 1, 2], [0, 0, 0, 0], [0, 0], 0, [3, 17]],
      ["2027-03", [1, 2], [3, 0, 1, 2, 0, 0], [1, 0, 0, 2], [1, 1, 3, 1], [3, 3], 0, [2, 17]],
    ]);
    // A period reaching into the future stops at the current month.
    const months = await computeTrend(handle.db, scope, Q2, NOW, 1);
    expect(months.map((p) => p.month)).toEqual(["2027-04", "2027-05"]);
  });

  it("refuses another region's dashboard to a coordinator and lets the region's own see it", async () => {
    const chitaCoordinator = await viewerOfUser(handle.db, await makePerson(handle.db, { roles: [{ role: "coordinator", scopeType: "region", scopeId: await regionId(handle.db, "75") }] }));
    const ownCoordinator = await viewerOfUser(handle.db, await makePerson(handle.db, { roles: [{ role: "coordinator", scopeType: "region", scopeId: f.region.id }] }));
    const schoolAdmin = await viewerOfUser(handle.db, await makePerson(handle.db, { roles: [{ role: "school_admin", scopeType: "organisation", scopeId: f.s1.id }] }));
    const url = (scope: string) => new URL(`http://localhost/dashboard?scope=${scope}&period=q:2027-1`);
    expect(await thrownStatus(() => loadDashboard(handle.db, chitaCoordinator, url(`region:${f.region.id}`), NOW))).toBe(403);
    expect(await thrownStatus(() => loadDashboard(handle.db, chitaCoordinator, url(`school:${f.s1.id}`), NOW))).toBe(403);
    expect(await thrownStatus(() => loadDashboard(handle.db, ownCoordinator, url("platform"), NOW))).toBe(403);
    expect(await thrownStatus(() => loadDashboard(handle.db, schoolAdmin, url(`school:${f.s3.id}`), NOW))).toBe(403);
    const own = await loadDashboard(handle.db, ownCoordinator, url(`region:${f.region.id}`), NOW);
    expect(own.figures.indicators.partnerships.numerator).toBe(1);
    expect(own.options.scopes.flatMap((g) => g.options.map((o) => o.label))).toEqual(expect.arrayContaining(["Показательный край", "Северный район", "СОШ № 3 Южного района"]));
    const school = await loadDashboard(handle.db, schoolAdmin, new URL("http://localhost/dashboard?period=q:2027-1"), NOW);
    expect(school.scope.name).toBe("СОШ № 1 Северного района");
    expect(school.options.scopes.flatMap((g) => g.options.map((o) => o.value))).toEqual([`school:${f.s1.id}`]);

    // Through the route modules, as a request would reach them.
    const call = async (loader: (args: never) => Promise<unknown>, path: string, viewer: typeof chitaCoordinator) => {
      const context = new RouterContextProvider();
      context.set(servicesContext, s);
      context.set(requestContext, { nonce: "", requestId: "dashboard", ip: "10.1.1.1" });
      context.set(viewerContext, viewer);
      try {
        const result = await loader({ request: new Request(`http://localhost${path}`), params: {}, context } as never);
        return result instanceof Response ? result.status : 200;
      } catch (thrown) {
        return (thrown as { init?: { status?: number } }).init?.status ?? (thrown as Response).status;
      }
    };
    expect(await call(dashboardLoader, `/dashboard?scope=region:${f.region.id}`, chitaCoordinator)).toBe(403);
    expect(await call(exportLoader, `/dashboard/export?scope=region:${f.region.id}&format=csv`, chitaCoordinator)).toBe(403);
    expect(await call(dashboardLoader, `/dashboard?scope=region:${f.region.id}`, ownCoordinator)).toBe(200);
    expect(await call(dashboardLoader, "/dashboard?period=custom&from=2027-02-01&to=2027-01-31", ownCoordinator)).toBe(400);
    expect(await call(dashboardLoader, "/dashboard?period=q:2027-9", ownCoordinator)).toBe(400);
    expect(await call(dashboardLoader, "/dashboard?scope=region:chita", ownCoordinator)).toBe(404);
    expect(await call(dashboardLoader, `/dashboard?scope=region:${f.s1.id}`, ownCoordinator)).toBe(404);
    expect(await call(dashboardLoader, "/dashboard", await viewerOfUser(handle.db, await makePerson(handle.db)))).toBe(403);
    expect(await call(dashboardLoader, "/dashboard", GUEST as typeof chitaCoordinator)).toBe(302);
  });
});
