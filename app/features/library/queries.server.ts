/** Reads of the library: access facts for the policy, pages, lists and the review queue. */
import { and, asc, count, desc, eq, ilike, inArray, isNotNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import {
  organisations,
  practiceAttachments,
  practiceAuthors,
  practiceBookmarks,
  practiceReviews,
  practices,
  practiceVersions,
  practiceVotes,
  profiles,
  regions,
  staffMemberships,
  threads,
} from "../../../db/schema/index.ts";
import { foldYo } from "../../utils/text.ts";
import type { ExpertContext, PracticeAccess } from "./policy.server.ts";
import type { LibraryFilter } from "./schemas.ts";

export const LIBRARY_PAGE_SIZE = 20;
/** The owner kind under which the discussion engine stores a practice's comments. */
export const PRACTICE_OWNER_KIND = "practice";

export type PracticeRow = typeof practices.$inferSelect;
export type VersionRow = typeof practiceVersions.$inferSelect;
export type AttachmentRow = typeof practiceAttachments.$inferSelect;
export type ReviewRow = typeof practiceReviews.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The organisations a person works in: confirmed places of work and the profile's organisation. */
export async function expertContextOf(ex: Executor, userId: string | null): Promise<ExpertContext> {
  if (!userId) return { organisationIds: [] };
  const staff = await ex.select({ id: staffMemberships.organisationId }).from(staffMemberships).where(and(eq(staffMemberships.userId, userId), eq(staffMemberships.status, "confirmed")));
  const [profile] = await ex.select({ id: profiles.organisationId }).from(profiles).where(eq(profiles.userId, userId));
  return { organisationIds: [...new Set([...staff.map((s) => s.id), ...(profile?.id ? [profile.id] : [])])] };
}

/** Author ids of a practice, the creator first. */
export async function authorIdsOf(ex: Executor, practiceId: string): Promise<string[]> {
  const rows = await ex.select({ userId: practiceAuthors.userId }).from(practiceAuthors).where(eq(practiceAuthors.practiceId, practiceId)).orderBy(asc(practiceAuthors.position));
  return rows.map((r) => r.userId);
}

/** The open (or accepting) review of a version. */
export async function activeReviewOf(ex: Executor, versionId: string): Promise<ReviewRow | null> {
  const [row] = await ex
    .select()
    .from(practiceReviews)
    .where(and(eq(practiceReviews.versionId, versionId), inArray(practiceReviews.status, ["in_progress", "accepted"])));
  return row ?? null;
}

export interface LoadedPractice {
  practice: PracticeRow;
  current: VersionRow;
  access: PracticeAccess;
}

/** A practice with its current version and everything the policy needs; null when there is none. */
export async function loadPractice(ex: Executor, id: string): Promise<LoadedPractice | null> {
  if (!UUID.test(id)) return null;
  const [row] = await ex.select({ practice: practices, current: practiceVersions }).from(practices).innerJoin(practiceVersions, eq(practiceVersions.id, practices.currentVersionId)).where(eq(practices.id, id));
  if (!row) return null;
  const review = await activeReviewOf(ex, row.current.id);
  return {
    ...row,
    access: {
      id: row.practice.id,
      authorIds: await authorIdsOf(ex, id),
      organisationId: row.practice.organisationId,
      regionId: row.practice.regionId,
      published: row.practice.publishedVersionId !== null,
      current: { id: row.current.id, status: row.current.status },
      review: review ? { expertId: review.expertId, status: review.status } : null,
    },
  };
}

/** A version by id. */
export async function versionById(ex: Executor, id: string): Promise<VersionRow | null> {
  const [row] = await ex.select().from(practiceVersions).where(eq(practiceVersions.id, id));
  return row ?? null;
}

/** The attachments of a version, oldest first. */
export async function attachmentsOf(ex: Executor, versionId: string): Promise<AttachmentRow[]> {
  return ex.select().from(practiceAttachments).where(eq(practiceAttachments.versionId, versionId)).orderBy(asc(practiceAttachments.createdAt), asc(practiceAttachments.originalName));
}

/** An attachment with the practice it belongs to. */
export async function attachmentById(ex: Executor, id: string): Promise<AttachmentRow | null> {
  if (!UUID.test(id)) return null;
  const [row] = await ex.select().from(practiceAttachments).where(eq(practiceAttachments.id, id));
  return row ?? null;
}

/** All versions of a practice, newest first, with their reviews. */
export async function versionsOf(ex: Executor, practiceId: string) {
  const versions = await ex.select().from(practiceVersions).where(eq(practiceVersions.practiceId, practiceId)).orderBy(desc(practiceVersions.number));
  const reviews = await ex.select().from(practiceReviews).where(eq(practiceReviews.practiceId, practiceId)).orderBy(asc(practiceReviews.takenAt));
  return versions.map((v) => ({ ...v, reviews: reviews.filter((r) => r.versionId === v.id) }));
}

/** The latest decided review of a version (the comments the author works on). */
export async function lastDecidedReview(ex: Executor, versionId: string): Promise<ReviewRow | null> {
  const [row] = await ex
    .select()
    .from(practiceReviews)
    .where(and(eq(practiceReviews.versionId, versionId), isNotNull(practiceReviews.decidedAt)))
    .orderBy(desc(practiceReviews.decidedAt))
    .limit(1);
  return row ?? null;
}

/** The thread that holds a practice's comments (the oldest, should two have been started at once). */
export async function commentThreadOf(ex: Executor, practiceId: string): Promise<{ id: string; postCount: number } | null> {
  const [row] = await ex
    .select({ id: threads.id, postCount: threads.postCount })
    .from(threads)
    .where(and(eq(threads.ownerKind, PRACTICE_OWNER_KIND), eq(threads.ownerId, practiceId)))
    .orderBy(asc(threads.createdAt))
    .limit(1);
  return row ?? null;
}

/** Whether the person bookmarked / marked the practice useful. */
export async function marksOf(ex: Executor, practiceId: string, userId: string | null) {
  if (!userId) return { bookmarked: false, useful: false };
  const [b] = await ex.select({ at: practiceBookmarks.at }).from(practiceBookmarks).where(and(eq(practiceBookmarks.practiceId, practiceId), eq(practiceBookmarks.userId, userId)));
  const [v] = await ex.select({ at: practiceVotes.at }).from(practiceVotes).where(and(eq(practiceVotes.practiceId, practiceId), eq(practiceVotes.userId, userId)));
  return { bookmarked: Boolean(b), useful: Boolean(v) };
}

/** A published practice as the lists show it. */
export const LIST_COLUMNS = {
  id: practices.id,
  title: practices.title,
  summary: practices.summary,
  kind: practices.kind,
  subjects: practices.subjects,
  gradeBands: practices.gradeBands,
  themes: practices.themes,
  publishedAt: practices.publishedAt,
  usefulCount: practices.usefulCount,
  viewCount: practices.viewCount,
  organisationId: practices.organisationId,
  organisation: organisations.shortName,
  region: regions.name,
};
export type PracticeListItem = { id: string; title: string | null; summary: string | null; kind: string | null; subjects: string[]; gradeBands: string[]; themes: string[]; publishedAt: Date | null; usefulCount: number; viewCount: number; organisationId: string | null; organisation: string | null; region: string | null };

const listed = () => isNotNull(practices.publishedVersionId);

function escapeLike(s: string): string {
  return s.replace(/[%_\\]/g, (c) => `\\${c}`);
}

/** The library: published practices by filter, a page at a time. */
export async function listLibrary(ex: Executor, f: LibraryFilter): Promise<{ total: number; items: PracticeListItem[] }> {
  const where: SQL[] = [listed()];
  if (f.subject) where.push(sql`${practices.subjects} @> array[${f.subject}]::text[]`);
  if (f.band) where.push(sql`${practices.gradeBands} @> array[${f.band}]::text[]`);
  if (f.theme) where.push(sql`${practices.themes} @> array[${f.theme}]::text[]`);
  if (f.kind) where.push(eq(practices.kind, f.kind));
  if (f.region) where.push(eq(practices.regionId, f.region));
  if (f.q) {
    const pattern = `%${escapeLike(foldYo(f.q.toLowerCase()))}%`;
    where.push(or(ilike(practices.titleSort, pattern), ilike(sql`replace(lower(${practices.summary}), 'ё', 'е')`, pattern))!);
  }
  const order = f.sort === "useful" ? [desc(practices.usefulCount), desc(practices.publishedAt)] : f.sort === "title" ? [asc(practices.titleSort)] : [desc(practices.updatedAt), desc(practices.publishedAt)];
  const [total] = await ex.select({ n: count() }).from(practices).where(and(...where));
  const items = await ex
    .select(LIST_COLUMNS)
    .from(practices)
    .leftJoin(organisations, eq(organisations.id, practices.organisationId))
    .leftJoin(regions, eq(regions.id, practices.regionId))
    .where(and(...where))
    .orderBy(...order, asc(practices.id))
    .limit(LIBRARY_PAGE_SIZE)
    .offset((f.page - 1) * LIBRARY_PAGE_SIZE);
  return { total: total?.n ?? 0, items };
}

/** Regions that have published practices (the region filter). */
export async function libraryRegions(ex: Executor) {
  return ex
    .selectDistinct({ id: regions.id, name: regions.name, nameSort: regions.nameSort })
    .from(practices)
    .innerJoin(regions, eq(regions.id, practices.regionId))
    .where(listed())
    .orderBy(asc(regions.nameSort));
}

/** Published practices of an organisation (its page). */
export async function practicesOfOrganisation(ex: Executor, organisationId: string, limit = 50): Promise<PracticeListItem[]> {
  return ex
    .select(LIST_COLUMNS)
    .from(practices)
    .leftJoin(organisations, eq(organisations.id, practices.organisationId))
    .leftJoin(regions, eq(regions.id, practices.regionId))
    .where(and(listed(), eq(practices.organisationId, organisationId)))
    .orderBy(desc(practices.publishedAt))
    .limit(limit);
}

/** Published practices a person is an author of (their page). */
export async function practicesOfAuthor(ex: Executor, userId: string, limit = 50): Promise<PracticeListItem[]> {
  return ex
    .select(LIST_COLUMNS)
    .from(practices)
    .innerJoin(practiceAuthors, and(eq(practiceAuthors.practiceId, practices.id), eq(practiceAuthors.userId, userId)))
    .leftJoin(organisations, eq(organisations.id, practices.organisationId))
    .leftJoin(regions, eq(regions.id, practices.regionId))
    .where(listed())
    .orderBy(desc(practices.publishedAt))
    .limit(limit);
}

/**
 * Related practices: published ones sharing themes or subjects with this one, the most shared
 * first, then the most useful.
 */
export async function relatedPractices(ex: Executor, p: Pick<PracticeRow, "id" | "themes" | "subjects">, limit = 4): Promise<PracticeListItem[]> {
  if (p.themes.length === 0 && p.subjects.length === 0) return [];
  const themes = sql`array[${sql.join(p.themes.length ? p.themes.map((t) => sql`${t}`) : [sql`''`], sql`, `)}]::text[]`;
  const subjects = sql`array[${sql.join(p.subjects.length ? p.subjects.map((t) => sql`${t}`) : [sql`''`], sql`, `)}]::text[]`;
  const shared = sql<number>`(cardinality(array(select unnest(${practices.themes}) intersect select unnest(${themes}))) * 2 + cardinality(array(select unnest(${practices.subjects}) intersect select unnest(${subjects}))))`;
  return ex
    .select(LIST_COLUMNS)
    .from(practices)
    .leftJoin(organisations, eq(organisations.id, practices.organisationId))
    .leftJoin(regions, eq(regions.id, practices.regionId))
    .where(and(listed(), ne(practices.id, p.id), or(sql`${practices.themes} && ${themes}`, sql`${practices.subjects} && ${subjects}`)))
    .orderBy(desc(shared), desc(practices.usefulCount), asc(practices.id))
    .limit(limit);
}

/** The person's own practices (any state) with the state of the current version. */
export async function myPractices(ex: Executor, userId: string) {
  return ex
    .select({ id: practices.id, title: practiceVersions.title, status: practiceVersions.status, number: practiceVersions.number, updatedAt: practiceVersions.updatedAt, published: isNotNull(practices.publishedVersionId) as unknown as SQL<boolean> })
    .from(practices)
    .innerJoin(practiceAuthors, and(eq(practiceAuthors.practiceId, practices.id), eq(practiceAuthors.userId, userId)))
    .innerJoin(practiceVersions, eq(practiceVersions.id, practices.currentVersionId))
    .orderBy(desc(practiceVersions.updatedAt))
    .limit(100);
}

/** The person's bookmarks (published practices only). */
export async function bookmarksOf(ex: Executor, userId: string): Promise<PracticeListItem[]> {
  return ex
    .select(LIST_COLUMNS)
    .from(practices)
    .innerJoin(practiceBookmarks, and(eq(practiceBookmarks.practiceId, practices.id), eq(practiceBookmarks.userId, userId)))
    .leftJoin(organisations, eq(organisations.id, practices.organisationId))
    .leftJoin(regions, eq(regions.id, practices.regionId))
    .where(listed())
    .orderBy(desc(practiceBookmarks.at))
    .limit(100);
}

/**
 * The review queue's candidates: practices whose current version waits for an expert or is
 * under review, in the given regions (all regions for administrators), oldest first.
 */
export async function reviewCandidates(ex: Executor, regionIds: readonly string[] | "all") {
  if (regionIds !== "all" && regionIds.length === 0) return [];
  return ex
    .select({
      id: practices.id,
      organisationId: practices.organisationId,
      regionId: practices.regionId,
      organisation: organisations.shortName,
      region: regions.name,
      versionId: practiceVersions.id,
      number: practiceVersions.number,
      title: practiceVersions.title,
      kind: practiceVersions.kind,
      status: practiceVersions.status,
      submittedAt: practiceVersions.submittedAt,
      published: isNotNull(practices.publishedVersionId) as unknown as SQL<boolean>,
    })
    .from(practices)
    .innerJoin(practiceVersions, eq(practiceVersions.id, practices.currentVersionId))
    .leftJoin(organisations, eq(organisations.id, practices.organisationId))
    .leftJoin(regions, eq(regions.id, practices.regionId))
    .where(and(inArray(practiceVersions.status, ["submitted", "under_review"]), regionIds === "all" ? undefined : inArray(practices.regionId, [...regionIds])))
    .orderBy(asc(practiceVersions.submittedAt), asc(practices.id))
    .limit(200);
}

/** Organisations a person may name as the practice's (places of work and the profile's), with their region. */
export async function authorOrganisations(ex: Executor, userId: string) {
  const { organisationIds } = await expertContextOf(ex, userId);
  if (organisationIds.length === 0) return [];
  return ex.select({ id: organisations.id, name: organisations.shortName, regionId: organisations.regionId, nameSort: organisations.nameSort }).from(organisations).where(inArray(organisations.id, organisationIds)).orderBy(asc(organisations.nameSort));
}

/** Confirmed staff of an organisation (co-author candidates). */
export async function staffIdsOf(ex: Executor, organisationId: string): Promise<string[]> {
  const rows = await ex.selectDistinct({ userId: staffMemberships.userId }).from(staffMemberships).where(and(eq(staffMemberships.organisationId, organisationId), eq(staffMemberships.status, "confirmed")));
  const byProfile = await ex.select({ userId: profiles.userId }).from(profiles).where(eq(profiles.organisationId, organisationId));
  return [...new Set([...rows.map((r) => r.userId), ...byProfile.map((r) => r.userId)])];
}
