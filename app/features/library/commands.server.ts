/**
 * Writes of authors: create a practice, save it (a published one gets a new version for review
 * while readers keep the published one), attach and remove files, submit for review. Each write
 * and its event commit in one transaction.
 */
import { and, count, eq, inArray, max } from "drizzle-orm";
import type { Tx } from "../../../db/client.ts";
import { organisations, practiceAttachments, practiceAuthors, practices, practiceVersions, roleGrants } from "../../../db/schema/index.ts";
import { appendEvent } from "../../../server/events/store.ts";
import { notify } from "../notifications/commands.server.ts";
import { bodyFromForm } from "../discussions/schemas.ts";
import { docToPlainText, parseRichText } from "../discussions/rich-text/document.ts";
import { renderRichText } from "../discussions/rich-text/render.server.ts";
import { canEditCurrent, canEditPractice, canSubmit, isAuthor, mayReviewPractice } from "./policy.server.ts";
import { attachmentsOf, authorOrganisations, expertContextOf, loadPractice, staffIdsOf, type LoadedPractice } from "./queries.server.ts";
import type { PracticeInput } from "./schemas.ts";
import { libraryFiles, practiceStream, type LibraryServices, type Person } from "./services.server.ts";
import { refuse, type LibraryOutcome } from "./outcome.ts";
import { ATTACHMENTS_PER_VERSION, checkUpload } from "./uploads.server.ts";
import { newAttachmentKey } from "./storage.server.ts";
import { LIBRARY_ERRORS as E, UPLOAD_ERRORS } from "./strings.ts";

type Content = { kind: PracticeInput["kind"]; title: string; summary: string; body: Record<string, unknown>; bodyHtml: string; subjects: string[]; gradeBands: string[]; themes: string[] };

/** The form's fields as a version's content, the body checked by the rich-text allowlist. */
function contentOf(input: PracticeInput): { ok: true; content: Content } | { ok: false; error: string; field: string } {
  const parsed = parseRichText(bodyFromForm(input));
  if (!parsed.ok) return { ok: false, error: `${E.badBody}: ${parsed.error}`, field: "body" };
  if (docToPlainText(parsed.doc).trim().length < 20) return { ok: false, error: E.bodyRequired, field: "body" };
  return {
    ok: true,
    content: {
      kind: input.kind,
      title: input.title,
      summary: input.summary,
      body: parsed.doc as unknown as Record<string, unknown>,
      bodyHtml: renderRichText(parsed.doc),
      subjects: [...new Set(input.subjects)],
      gradeBands: [...new Set(input.gradeBands)],
      themes: [...new Set(input.themes)],
    },
  };
}

/** Checks the organisation (one the author works in, or the one already set) and the co-authors (its staff). */
async function placeOf(s: LibraryServices, viewer: Person, input: PracticeInput, current: { organisationId: string | null; published: boolean } | null) {
  let organisation: { id: string; regionId: string } | null = null;
  if (input.organisationId) {
    if (current?.organisationId === input.organisationId) {
      const [o] = await s.db.select({ id: organisations.id, regionId: organisations.regionId }).from(organisations).where(eq(organisations.id, input.organisationId));
      organisation = o ?? null;
    } else {
      organisation = (await authorOrganisations(s.db, viewer.id)).find((o) => o.id === input.organisationId) ?? null;
    }
    if (!organisation) return refuse(400, E.notYourOrganisation, "organisationId");
  }
  if (current?.published && (organisation?.id ?? null) !== current.organisationId) return refuse(400, E.organisationFixed, "organisationId");
  const coauthors = [...new Set(input.coauthors)].filter((id) => id !== viewer.id);
  if (coauthors.length) {
    const staff = organisation ? new Set(await staffIdsOf(s.db, organisation.id)) : new Set<string>();
    if (coauthors.some((id) => !staff.has(id))) return refuse(400, E.coauthorUnknown, "coauthors");
  }
  return { ok: true as const, organisation, coauthors };
}

async function setAuthors(tx: Tx, practiceId: string, creatorId: string, coauthors: readonly string[], now: Date) {
  await tx.delete(practiceAuthors).where(eq(practiceAuthors.practiceId, practiceId));
  await tx.insert(practiceAuthors).values([creatorId, ...coauthors.filter((id) => id !== creatorId)].map((userId, position) => ({ practiceId, userId, position, addedAt: now })));
}

/** Starts a practice: a draft (version 1) with the author as its creator. */
export async function createPractice(s: LibraryServices, viewer: Person, input: PracticeInput): Promise<LibraryOutcome<{ id: string }>> {
  const content = contentOf(input);
  if (!content.ok) return refuse(400, content.error, content.field);
  const place = await placeOf(s, viewer, input, null);
  if (!place.ok) return place;
  const now = s.clock.now();
  return s.db.transaction(async (tx) => {
    const [p] = await tx.insert(practices).values({ createdBy: viewer.id, organisationId: place.organisation?.id ?? null, regionId: place.organisation?.regionId ?? null, createdAt: now }).returning({ id: practices.id });
    const [v] = await tx.insert(practiceVersions).values({ practiceId: p!.id, number: 1, status: "draft", ...content.content, createdBy: viewer.id, createdAt: now, updatedAt: now }).returning({ id: practiceVersions.id });
    await tx.update(practices).set({ currentVersionId: v!.id }).where(eq(practices.id, p!.id));
    await setAuthors(tx, p!.id, viewer.id, place.coauthors, now);
    await appendEvent(tx, { stream: practiceStream(p!.id), type: "practice.created", payload: { versionId: v!.id }, actorId: viewer.id, at: now });
    return { ok: true as const, id: p!.id };
  });
}

/**
 * The version an author may change now: the current one while it is a draft or returned; for a
 * published practice a new draft version (its files copied) that readers do not see until an
 * expert accepts it. Null when the current version is with the experts.
 */
async function editableVersion(tx: Tx, loaded: LoadedPractice, viewer: Person, now: Date): Promise<{ id: string; created: boolean } | null> {
  if (canEditCurrent(viewer, loaded.access)) return { id: loaded.current.id, created: false };
  if (loaded.current.status !== "published") return null;
  const [{ last } = { last: 0 }] = await tx.select({ last: max(practiceVersions.number) }).from(practiceVersions).where(eq(practiceVersions.practiceId, loaded.practice.id));
  const { id: _id, number: _n, status: _s, createdAt: _c, updatedAt: _u, submittedAt: _sa, publishedAt: _pa, createdBy: _cb, ...content } = loaded.current;
  const [v] = await tx.insert(practiceVersions).values({ ...content, number: (last ?? 0) + 1, status: "draft", createdBy: viewer.id, createdAt: now, updatedAt: now }).returning({ id: practiceVersions.id });
  const files = await attachmentsOf(tx, loaded.current.id);
  if (files.length) await tx.insert(practiceAttachments).values(files.map(({ id: _fid, ...f }) => ({ ...f, versionId: v!.id })));
  await tx.update(practices).set({ currentVersionId: v!.id }).where(eq(practices.id, loaded.practice.id));
  await appendEvent(tx, { stream: practiceStream(loaded.practice.id), type: "version.created", payload: { versionId: v!.id }, actorId: viewer.id, at: now });
  return { id: v!.id, created: true };
}

async function loadForAuthor(s: LibraryServices, viewer: Person, practiceId: string): Promise<LoadedPractice | ReturnType<typeof refuse>> {
  const loaded = await loadPractice(s.db, practiceId);
  if (!loaded) return refuse(404, E.notFound);
  if (!isAuthor(viewer, loaded.access)) return refuse(loaded.access.published ? 403 : 404, loaded.access.published ? E.notAuthor : E.notFound);
  if (!canEditPractice(viewer, loaded.access)) return refuse(409, E.notEditable);
  return loaded;
}

/** Saves the author's changes: in place for a draft or returned version, as a new version of a published one. */
export async function savePractice(s: LibraryServices, viewer: Person, practiceId: string, input: PracticeInput): Promise<LibraryOutcome<{ newVersion: boolean }>> {
  const loaded = await loadForAuthor(s, viewer, practiceId);
  if ("ok" in loaded) return loaded;
  const content = contentOf(input);
  if (!content.ok) return refuse(400, content.error, content.field);
  const place = await placeOf(s, viewer, input, { organisationId: loaded.practice.organisationId, published: loaded.access.published });
  if (!place.ok) return place;
  const now = s.clock.now();
  return s.db.transaction(async (tx) => {
    const version = await editableVersion(tx, loaded, viewer, now);
    if (!version) return refuse(409, E.notEditable);
    await tx.update(practiceVersions).set({ ...content.content, updatedAt: now }).where(eq(practiceVersions.id, version.id));
    await tx.update(practices).set({ organisationId: place.organisation?.id ?? null, regionId: place.organisation?.regionId ?? null }).where(eq(practices.id, practiceId));
    await setAuthors(tx, practiceId, loaded.practice.createdBy, place.coauthors, now);
    await appendEvent(tx, { stream: practiceStream(practiceId), type: "version.saved", payload: { versionId: version.id }, actorId: viewer.id, at: now });
    return { ok: true as const, newVersion: version.created };
  });
}

/** Region experts who may review the practice (not its authors, not of its organisation). */
async function eligibleExperts(tx: Tx, loaded: LoadedPractice): Promise<string[]> {
  if (!loaded.practice.regionId) return [];
  const grants = await tx.select({ userId: roleGrants.userId }).from(roleGrants).where(and(eq(roleGrants.role, "expert"), eq(roleGrants.scopeType, "region"), eq(roleGrants.scopeId, loaded.practice.regionId)));
  const out: string[] = [];
  for (const { userId } of grants) {
    const viewer = { id: userId, anonymous: false, roles: [{ role: "expert", scopeType: "region", scopeId: loaded.practice.regionId }] };
    if (mayReviewPractice(viewer, loaded.access, await expertContextOf(tx, userId))) out.push(userId);
  }
  return [...new Set(out)];
}

/** Sends the current version to the region's experts (they are notified). */
export async function submitPractice(s: LibraryServices, viewer: Person, practiceId: string): Promise<LibraryOutcome> {
  const loaded = await loadPractice(s.db, practiceId);
  if (!loaded || !isAuthor(viewer, loaded.access)) return refuse(404, E.notFound);
  if (!canSubmit(viewer, loaded.access)) return refuse(409, E.notSubmittable);
  if (!loaded.practice.organisationId) return refuse(400, E.organisationRequired, "organisationId");
  const now = s.clock.now();
  return s.db.transaction(async (tx) => {
    const moved = await tx
      .update(practiceVersions)
      .set({ status: "submitted", submittedAt: now, updatedAt: now })
      .where(and(eq(practiceVersions.id, loaded.current.id), inArray(practiceVersions.status, ["draft", "returned"])))
      .returning({ id: practiceVersions.id });
    if (!moved.length) return refuse(409, E.notSubmittable);
    await appendEvent(tx, { stream: practiceStream(practiceId), type: "version.submitted", payload: { versionId: loaded.current.id }, actorId: viewer.id, at: now });
    for (const expertId of await eligibleExperts(tx, loaded)) {
      await notify(tx, s, { userId: expertId, kind: "library_submitted", payload: { text: `На экспертизу отправлена практика «${loaded.current.title}»` }, href: `/library/${practiceId}/review`, actorId: viewer.id });
    }
    return { ok: true as const };
  });
}

/**
 * Attaches a file to the version being written. The file is checked completely (name, size,
 * type by its bytes) before anything is stored; it goes to storage under a server-made key.
 */
export async function uploadAttachment(s: LibraryServices, viewer: Person, practiceId: string, file: { name: string; bytes: Uint8Array }): Promise<LibraryOutcome<{ attachmentId: string }>> {
  const loaded = await loadForAuthor(s, viewer, practiceId);
  if ("ok" in loaded) return loaded;
  const checked = await checkUpload(file.name, file.bytes);
  if (!checked.ok) return { ...refuse(checked.code === "tooLarge" ? 413 : 400, checked.error, "file"), code: checked.code };
  const [{ n } = { n: 0 }] = await s.db.select({ n: count() }).from(practiceAttachments).where(eq(practiceAttachments.versionId, loaded.current.id));
  if (n >= ATTACHMENTS_PER_VERSION) return { ...refuse(400, E.tooManyFiles, "file"), code: "tooMany" };
  const key = newAttachmentKey(checked.extension);
  const files = libraryFiles(s);
  try {
    await files.put(key, file.bytes);
  } catch {
    return { ...refuse(400, UPLOAD_ERRORS.storage, "file"), code: "storage" };
  }
  const now = s.clock.now();
  try {
    return await s.db.transaction(async (tx) => {
      const version = await editableVersion(tx, loaded, viewer, now);
      if (!version) throw new Error("not editable");
      const [row] = await tx
        .insert(practiceAttachments)
        .values({ practiceId, versionId: version.id, storageKey: key, originalName: checked.name, extension: checked.extension, contentType: checked.contentType, size: checked.size, uploadedBy: viewer.id, createdAt: now })
        .returning({ id: practiceAttachments.id });
      await tx.update(practiceVersions).set({ updatedAt: now }).where(eq(practiceVersions.id, version.id));
      await appendEvent(tx, { stream: practiceStream(practiceId), type: "attachment.added", payload: { versionId: version.id, attachmentId: row!.id }, actorId: viewer.id, at: now });
      return { ok: true as const, attachmentId: row!.id };
    });
  } catch (error) {
    await files.delete(key);
    if ((error as Error).message === "not editable") return { ...refuse(409, E.notEditable), code: "notEditable" };
    throw error;
  }
}

/** Removes a file from the version being written; its bytes go once no version refers to them. */
export async function removeAttachment(s: LibraryServices, viewer: Person, practiceId: string, attachmentId: string): Promise<LibraryOutcome> {
  const loaded = await loadForAuthor(s, viewer, practiceId);
  if ("ok" in loaded) return loaded;
  const now = s.clock.now();
  const result = await s.db.transaction(async (tx) => {
    const [target] = await tx.select().from(practiceAttachments).where(and(eq(practiceAttachments.id, attachmentId), eq(practiceAttachments.versionId, loaded.current.id)));
    if (!target) return refuse(404, E.fileNotFound);
    const version = await editableVersion(tx, loaded, viewer, now);
    if (!version) return refuse(409, E.notEditable);
    // In a fresh version the file's copy has a new id: remove it by its key.
    await tx.delete(practiceAttachments).where(and(eq(practiceAttachments.versionId, version.id), eq(practiceAttachments.storageKey, target.storageKey)));
    await appendEvent(tx, { stream: practiceStream(practiceId), type: "attachment.removed", payload: { versionId: version.id, attachmentId }, actorId: viewer.id, at: now });
    const [{ left } = { left: 0 }] = await tx.select({ left: count() }).from(practiceAttachments).where(eq(practiceAttachments.storageKey, target.storageKey));
    return { ok: true as const, orphan: left === 0 ? target.storageKey : null };
  });
  if (!result.ok) return result;
  if (result.orphan) await libraryFiles(s).delete(result.orphan);
  return { ok: true };
}
