/** What the library's reading pages show to a viewer: the list, a practice, one's own practices. */
import { data } from "react-router";
import { eq } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { organisations } from "../../../db/schema/index.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import type { ViewerZone } from "../accounts/viewer-zone.server.ts";
import { loadPeople } from "../profiles/people.server.ts";
import { loadThreadView } from "../discussions/thread-view.server.ts";
import { formatDate } from "../../utils/datetime.ts";
import { gradesBandLabel, subjectLabel, topicLabel } from "./labels.ts";
import {
  canBookmark,
  canComment,
  canEditPractice,
  canReadCurrent,
  canTakeReview,
  canVoteUseful,
  isAuthor,
  mayOpenReviewQueue,
  requirePracticeReader,
} from "./policy.server.ts";
import {
  attachmentsOf,
  bookmarksOf,
  commentThreadOf,
  expertContextOf,
  lastDecidedReview,
  libraryRegions,
  listLibrary,
  loadPractice,
  marksOf,
  myPractices,
  relatedPractices,
  versionById,
  type PracticeListItem,
} from "./queries.server.ts";
import type { LibraryFilter } from "./schemas.ts";
import { KIND_LABELS, LIBRARY_ERRORS, RUBRIC, STATUS_LABELS } from "./strings.ts";

/** A list item as cards render it (labels instead of codes, the date in the viewer's zone). */
export function cardOf(p: PracticeListItem, zone: ViewerZone) {
  return {
    id: p.id,
    title: p.title ?? "",
    summary: p.summary ?? "",
    kind: p.kind ? KIND_LABELS[p.kind as keyof typeof KIND_LABELS] : "",
    subjects: p.subjects.map(subjectLabel),
    bands: p.gradeBands.map(gradesBandLabel),
    themes: p.themes.map(topicLabel),
    organisation: p.organisation,
    region: p.region,
    published: p.publishedAt ? formatDate(p.publishedAt, zone) : null,
    useful: p.usefulCount,
    views: p.viewCount,
  };
}
export type PracticeCardView = ReturnType<typeof cardOf>;

/** The library page: the filtered list and the viewer's shortcuts. */
export async function loadLibraryPage(ex: Executor, viewer: Viewer, filter: LibraryFilter, zone: ViewerZone) {
  const { total, items } = await listLibrary(ex, filter);
  return {
    filter,
    total,
    items: items.map((p) => cardOf(p, zone)),
    regions: (await libraryRegions(ex)).map((r) => ({ id: r.id, name: r.name })),
    signedIn: Boolean(viewer.id),
    reviewer: mayOpenReviewQueue(viewer),
  };
}

/** One's own practices (any state) and bookmarks. */
export async function loadMyLibrary(ex: Executor, viewer: Viewer & { id: string }, zone: ViewerZone) {
  const mine = await myPractices(ex, viewer.id);
  return {
    mine: mine.map((p) => ({ id: p.id, title: p.title, status: STATUS_LABELS[p.status], statusCode: p.status, version: p.number, published: Boolean(p.published), updated: formatDate(p.updatedAt, zone) })),
    bookmarks: (await bookmarksOf(ex, viewer.id)).map((p) => cardOf(p, zone)),
  };
}

function attachmentView(a: { id: string; originalName: string; extension: string; size: number }) {
  return { id: a.id, name: a.originalName, extension: a.extension.toUpperCase(), size: a.size, href: `/library/files/${a.id}` };
}

/**
 * The practice page. Readers see the published version; authors, the reviewing expert and admins
 * also see where the newest version stands. Drafts are 404 for everyone else.
 */
export async function loadPracticePage(ex: Executor, viewer: Viewer, id: string, zone: ViewerZone, search: URLSearchParams) {
  const loaded = await loadPractice(ex, id);
  if (!loaded) throw data(LIBRARY_ERRORS.notFound, { status: 404 });
  const expert = await expertContextOf(ex, viewer.id);
  requirePracticeReader(viewer, loaded.access, expert);
  const { practice, access } = loaded;
  const shown = practice.publishedVersionId ? ((await versionById(ex, practice.publishedVersionId)) ?? loaded.current) : loaded.current;
  const authorIds = [...access.authorIds];
  const people = await loadPeople(ex, viewer, authorIds);
  const thread = access.published ? await commentThreadOf(ex, id) : null;
  const comments = thread ? await loadThreadView(ex, viewer, thread.id, zone, search) : null;
  const seesCurrent = canReadCurrent(viewer, access, expert);
  const review = seesCurrent && loaded.current.status === "returned" ? await lastDecidedReview(ex, loaded.current.id) : null;
  const [organisation] = practice.organisationId ? await ex.select({ id: organisations.id, shortName: organisations.shortName }).from(organisations).where(eq(organisations.id, practice.organisationId)) : [];
  const related = access.published ? await relatedPractices(ex, { id, themes: shown.themes, subjects: shown.subjects }) : [];
  const page = {
    id,
    version: {
      number: shown.number,
      kind: KIND_LABELS[shown.kind],
      title: shown.title,
      summary: shown.summary,
      html: shown.bodyHtml,
      subjects: shown.subjects.map(subjectLabel),
      bands: shown.gradeBands.map(gradesBandLabel),
      themes: shown.themes.map(topicLabel),
      themeCodes: shown.themes,
      published: shown.publishedAt ? formatDate(shown.publishedAt, zone) : null,
    },
    status: access.published ? null : STATUS_LABELS[loaded.current.status],
    pending: seesCurrent && access.published && loaded.current.id !== practice.publishedVersionId ? { number: loaded.current.number, status: STATUS_LABELS[loaded.current.status] } : null,
    currentStatus: seesCurrent ? loaded.current.status : null,
    returned: review ? { comment: review.comment, scores: RUBRIC.map((r) => ({ label: r.label, score: review.scores?.[r.code]?.score ?? null, comment: review.scores?.[r.code]?.comment ?? "" })) } : null,
    authors: authorIds.map((a) => people.get(a)!).filter(Boolean),
    organisation: organisation ? { id: organisation.id, name: organisation.shortName } : null,
    attachments: (await attachmentsOf(ex, shown.id)).map(attachmentView),
    counts: { views: practice.viewCount, useful: practice.usefulCount },
    marks: await marksOf(ex, id, viewer.id),
    can: {
      edit: canEditPractice(viewer, access),
      bookmark: canBookmark(viewer, access),
      vote: canVoteUseful(viewer, access),
      comment: canComment(viewer, access),
      review: canTakeReview(viewer, access, expert) || (access.review?.expertId === viewer.id && loaded.current.status === "under_review"),
      versions: seesCurrent,
    },
    author: isAuthor(viewer, access),
    signedIn: Boolean(viewer.id),
    comments: comments ? { threadId: comments.thread.id, head: comments.head, clientId: comments.clientId, morePages: comments.paging.pages > 1, posts: comments.posts.filter((p) => p.state !== "deleted").map((p) => ({ id: p.id, author: p.author, html: p.html, state: p.state, createdAt: p.createdAt, createdIso: p.createdIso })) } : null,
    newClientId: crypto.randomUUID().replace(/-/g, ""),
    related: related.map((r) => cardOf(r, zone)),
  };
  return { page, access };
}
export type PracticePageView = Awaited<ReturnType<typeof loadPracticePage>>["page"];
