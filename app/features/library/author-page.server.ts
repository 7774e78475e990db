/** What the author's pages (new practice, edit) and the expert's pages (queue, review, versions) show. */
import { data } from "react-router";
import type { Executor } from "../../../db/client.ts";
import { hasRole, type Viewer } from "../accounts/viewer.server.ts";
import type { ViewerZone } from "../accounts/viewer-zone.server.ts";
import { loadPeople } from "../profiles/people.server.ts";
import { formatDate, formatDateTime } from "../../utils/datetime.ts";
import { gradesBandLabel, subjectLabel, topicLabel } from "./labels.ts";
import { canDecideReview, canEditPractice, canReadCurrent, canSubmit, canTakeReview, isAuthor, requirePracticeReader, reviewRefusal } from "./policy.server.ts";
import { attachmentsOf, authorOrganisations, expertContextOf, lastDecidedReview, loadPractice, reviewCandidates, staffIdsOf, versionsOf } from "./queries.server.ts";
import { KIND_LABELS, LIBRARY_ERRORS, RUBRIC, STATUS_LABELS } from "./strings.ts";
import type { RichDoc } from "../discussions/rich-text/document.ts";

/** The organisations an author may choose and the people they may name as co-authors. */
async function formOptions(ex: Executor, viewer: Viewer & { id: string }, keep: { organisationId: string | null; coauthors: string[] }) {
  const orgs = await authorOrganisations(ex, viewer.id);
  const orgIds = [...new Set([...orgs.map((o) => o.id), ...(keep.organisationId ? [keep.organisationId] : [])])];
  const candidateIds = new Set<string>(keep.coauthors);
  for (const orgId of orgIds) for (const id of await staffIdsOf(ex, orgId)) if (id !== viewer.id) candidateIds.add(id);
  const people = await loadPeople(ex, viewer, [...candidateIds].slice(0, 200));
  const organisations = orgs.map((o) => ({ id: o.id, name: o.name }));
  return {
    organisations,
    coauthorOptions: [...people.values()].filter((p) => !p.deleted).map((p) => ({ value: p.id, label: [p.name, p.organisation?.name].filter(Boolean).join(", ") })),
  };
}

/** The new-practice page. */
export async function loadNewPracticePage(ex: Executor, viewer: Viewer & { id: string }) {
  return formOptions(ex, viewer, { organisationId: null, coauthors: [] });
}

/** The edit page: the version being written (or the published one, to start a new version). */
export async function loadEditPage(ex: Executor, viewer: Viewer & { id: string }, id: string, zone: ViewerZone) {
  const loaded = await loadPractice(ex, id);
  if (!loaded || !isAuthor(viewer, loaded.access)) throw data(LIBRARY_ERRORS.notFound, { status: 404 });
  const { current, practice, access } = loaded;
  const coauthors = access.authorIds.filter((a) => a !== practice.createdBy);
  const review = current.status === "returned" ? await lastDecidedReview(ex, current.id) : null;
  return {
    id,
    editable: canEditPractice(viewer, access),
    canSubmit: canSubmit(viewer, access),
    status: current.status,
    statusLabel: STATUS_LABELS[current.status],
    number: current.number,
    published: access.published,
    values: { kind: current.kind, title: current.title, summary: current.summary, body: current.body as unknown as RichDoc, subjects: current.subjects, gradeBands: current.gradeBands, themes: current.themes, organisationId: practice.organisationId, coauthors },
    attachments: (await attachmentsOf(ex, current.id)).map((a) => ({ id: a.id, name: a.originalName, extension: a.extension.toUpperCase(), size: a.size, href: `/library/files/${a.id}` })),
    returned: review ? { comment: review.comment, at: review.decidedAt ? formatDate(review.decidedAt, zone) : "", scores: RUBRIC.map((r) => ({ label: r.label, score: review.scores?.[r.code]?.score ?? null, comment: review.scores?.[r.code]?.comment ?? "" })) } : null,
    ...(await formOptions(ex, viewer, { organisationId: practice.organisationId, coauthors })),
  };
}

/** The expert's queue: practices waiting in the expert's regions, with what the expert may do about each. */
export async function loadReviewQueue(ex: Executor, viewer: Viewer & { id: string }, zone: ViewerZone) {
  const regions = hasRole(viewer, "admin") ? ("all" as const) : viewer.roles.filter((g) => g.role === "expert" && g.scopeType === "region" && g.scopeId).map((g) => g.scopeId!);
  const expert = await expertContextOf(ex, viewer.id);
  const rows = await reviewCandidates(ex, regions);
  const items = [];
  for (const r of rows) {
    const loaded = (await loadPractice(ex, r.id))!;
    const mine = loaded.access.review?.expertId === viewer.id && r.status === "under_review";
    if (r.status === "under_review" && !mine) continue;
    items.push({
      id: r.id,
      title: r.title,
      kind: KIND_LABELS[r.kind],
      organisation: r.organisation,
      region: r.region,
      version: r.number,
      isUpdate: Boolean(r.published),
      submitted: r.submittedAt ? formatDateTime(r.submittedAt, zone) : "",
      mine,
      canTake: canTakeReview(viewer, loaded.access, expert),
      refusal: mine ? null : reviewRefusal(viewer, loaded.access, expert),
    });
  }
  return { items };
}

/** The review page: the version under review in full, and the rubric for the expert who holds it. */
export async function loadReviewPage(ex: Executor, viewer: Viewer & { id: string }, id: string, zone: ViewerZone) {
  const loaded = await loadPractice(ex, id);
  if (!loaded) throw data(LIBRARY_ERRORS.notFound, { status: 404 });
  const expert = await expertContextOf(ex, viewer.id);
  const { current, practice, access } = loaded;
  if (!canReadCurrent(viewer, access, expert)) {
    // Say why to experts of the region (e.g. their own school's practice); others get a 404.
    const why = reviewRefusal(viewer, access, expert);
    if (hasRole(viewer, "expert") && why && why !== LIBRARY_ERRORS.notExpert) throw data(why, { status: 403 });
    requirePracticeReader(viewer, access, expert);
  }
  const people = await loadPeople(ex, viewer, [...access.authorIds]);
  const history = (await versionsOf(ex, id)).flatMap((v) => v.reviews.filter((r) => r.decidedAt).map((r) => ({ version: v.number, outcome: r.status === "accepted" ? "принята" : "возвращена на доработку", at: formatDate(r.decidedAt!, zone), comment: r.comment })));
  return {
    id,
    title: current.title,
    summary: current.summary,
    html: current.bodyHtml,
    kind: KIND_LABELS[current.kind],
    number: current.number,
    status: current.status,
    statusLabel: STATUS_LABELS[current.status],
    isUpdate: access.published,
    subjects: current.subjects.map(subjectLabel),
    bands: current.gradeBands.map(gradesBandLabel),
    themes: current.themes.map(topicLabel),
    authors: access.authorIds.map((a) => people.get(a)!).filter(Boolean),
    attachments: (await attachmentsOf(ex, current.id)).map((a) => ({ id: a.id, name: a.originalName, extension: a.extension.toUpperCase(), size: a.size, href: `/library/files/${a.id}` })),
    canTake: canTakeReview(viewer, access, expert),
    canDecide: canDecideReview(viewer, access, expert),
    refusal: access.review?.expertId === viewer.id ? null : reviewRefusal(viewer, access, expert),
    organisationId: practice.organisationId,
    history,
  };
}

/** The versions page: every version with its state and the experts' decisions. */
export async function loadVersionsPage(ex: Executor, viewer: Viewer, id: string, zone: ViewerZone) {
  const loaded = await loadPractice(ex, id);
  if (!loaded) throw data(LIBRARY_ERRORS.notFound, { status: 404 });
  const expert = await expertContextOf(ex, viewer.id);
  requirePracticeReader(viewer, loaded.access, expert);
  const full = canReadCurrent(viewer, loaded.access, expert);
  const versions = (await versionsOf(ex, id)).filter((v) => full || v.status === "published" || v.status === "superseded");
  return {
    id,
    title: loaded.practice.title ?? loaded.current.title,
    full,
    versions: versions.map((v) => ({
      number: v.number,
      title: v.title,
      status: STATUS_LABELS[v.status],
      created: formatDate(v.createdAt, zone),
      published: v.publishedAt ? formatDate(v.publishedAt, zone) : null,
      reviews: full ? v.reviews.filter((r) => r.decidedAt).map((r) => ({ outcome: r.status === "accepted" ? "принята" : "возвращена на доработку", at: formatDate(r.decidedAt!, zone), comment: r.comment, scores: RUBRIC.map((c) => ({ label: c.label, score: r.scores?.[c.code]?.score ?? null })) })) : [],
    })),
  };
}
