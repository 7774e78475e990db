/** Test factories for events: organisers (institute staff), teachers with a home region, events. */
import { and, eq } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { organisations, profiles, programmeEvents, programmeEventSessions, regions, staffMemberships } from "../../db/schema/index.ts";
import type { EventInput } from "../../app/features/events/schemas.ts";
import { russianSortKey } from "../../app/utils/text.ts";
import { makePerson, viewerOfUser } from "./people.ts";

export { makePerson, viewerOfUser };

/** A region's id by its code ("75" Забайкальский край, "71" Тульская область, "03" Бурятия). */
export async function regionId(ex: Executor, code: string): Promise<string> {
  return (await ex.select({ id: regions.id }).from(regions).where(eq(regions.code, code)))[0]!.id;
}

/** A seeded body of a region by kind (e.g. the institute of Забайкальский край). */
export async function bodyOf(ex: Executor, regionCode: string, kind: string): Promise<string> {
  const [row] = await ex
    .select({ id: organisations.id })
    .from(organisations)
    .innerJoin(regions, eq(regions.id, organisations.regionId))
    .where(and(eq(regions.code, regionCode), eq(organisations.kind, kind as "institute")));
  return row!.id;
}

/** Confirmed staff of an organisation (and the profile names it, so the person's region is known). */
export async function makeStaff(ex: Executor, organisationId: string, over: Parameters<typeof makePerson>[1] = {}): Promise<string> {
  const id = await makePerson(ex, over);
  const now = new Date("2026-11-01T00:00:00Z");
  await ex.insert(staffMemberships).values({ userId: id, organisationId, position: "методист", status: "confirmed", requestedAt: now, decidedAt: now });
  await ex.insert(profiles).values({ userId: id, nameSort: russianSortKey(over.name ?? "методист"), organisationId, updatedAt: now }).onConflictDoNothing();
  return id;
}

/** A teacher whose profile names an organisation (their region follows from it). */
export async function makeTeacher(ex: Executor, organisationId: string | null, over: Parameters<typeof makePerson>[1] & { timeZone?: string } = {}): Promise<string> {
  const id = await makePerson(ex, over);
  await ex.insert(profiles).values({ userId: id, nameSort: russianSortKey(over.name ?? "педагог"), organisationId, timeZone: over.timeZone ?? null, updatedAt: new Date("2026-11-01T00:00:00Z") });
  return id;
}

/** A valid event form: a two-day seminar in the organiser's zone. */
export function eventInput(organisationId: string, over: Partial<EventInput> = {}): EventInput {
  return {
    title: "Формирующее оценивание: практики школ-лидеров",
    type: "seminar",
    format: "hybrid",
    summary: "Двухдневный семинар-вебинар для педагогов школ с низкими результатами обучения.",
    programme: undefined,
    programmeText: "День 1. Приёмы формирующего оценивания.\nДень 2. Разбор уроков.",
    onlineUrl: "https://example.org/webinar",
    venue: "Чита, ул. Бабушкина, 100",
    organisationId,
    audience: "open",
    audienceRegionId: undefined,
    communityIds: [],
    practiceIds: [],
    capacity: 2,
    speakers: [{ name: "Методист ИРО", about: "кафедра педагогики" }],
    questions: [],
    sessions: [
      { date: "2026-12-10", start: "10:00", end: "13:00" },
      { date: "2026-12-11", start: "10:00", end: "13:00" },
    ],
    ...over,
  };
}

/** The matrix's event: a regional event of Забайкальский край held by its institute, in the future. */
export async function makeMatrixEvent(ex: Executor): Promise<{ id: string; instituteId: string }> {
  const instituteId = await bodyOf(ex, "75", "institute");
  const chita = await regionId(ex, "75");
  const startsAt = new Date("2027-02-10T01:00:00Z");
  const endsAt = new Date("2027-02-10T03:00:00Z");
  const at = new Date("2026-11-01T00:00:00Z");
  const [row] = await ex
    .insert(programmeEvents)
    .values({ title: "Вебинар матрицы", titleSort: "вебинар матрицы", type: "webinar", format: "online", summary: "Проверка матрицы прав доступа.", programme: { type: "doc", content: [] }, programmeHtml: "", onlineUrl: "https://example.org/matrix", organisationId: instituteId, regionId: chita, timeZone: "Asia/Chita", audience: "region", audienceRegionId: chita, capacity: 100, startsAt, endsAt, createdAt: at, updatedAt: at })
    .returning({ id: programmeEvents.id });
  await ex.insert(programmeEventSessions).values({ eventId: row!.id, position: 0, startsAt, endsAt });
  return { id: row!.id, instituteId };
}

/** A valid organiser's form for the matrix (a one-day webinar of the institute for the region's people). */
export function matrixEventForm(instituteId: string, regionId: string): Record<string, string> {
  return { title: "Вебинар для проверки матрицы", type: "webinar", format: "online", summary: "Проверка матрицы прав доступа к мероприятиям.", programmeText: "Программа", onlineUrl: "https://example.org/matrix", organisationId: instituteId, audience: "region", audienceRegionId: regionId, session0Date: "2027-02-11", session0Start: "10:00", session0End: "12:00" };
}
