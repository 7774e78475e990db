/**
 * Test factories for discussions: people, and a "test" discussion owner whose places say who may
 * read, post and moderate, so the engine is tested without any capability's own rules.
 */
import crypto from "node:crypto";
import type { DatabaseHandle, Executor } from "../../db/client.ts";
import { createTestServices } from "../setup/services.ts";
import { consents, profiles, users } from "../../db/schema/index.ts";
import { russianSortKey } from "../../app/utils/text.ts";
import type { Viewer } from "../../app/features/accounts/viewer.server.ts";
import { registerDiscussionOwner } from "../../app/features/discussions/owners.server.ts";

export interface TestPlace {
  /** Everyone (guests too) reads an open place; a closed one only its members and moderators. */
  open: boolean;
  members: Set<string>;
  moderators: Set<string>;
  title: string;
}

const places = new Map<string, TestPlace>();

/** Registers the "test" owner (idempotent). Posting needs membership, in open places too. */
export function registerTestOwner(): void {
  registerDiscussionOwner("test", {
    async canRead(_ex, viewer, id) {
      const p = places.get(id);
      return Boolean(p && (p.open || (viewer.id && (p.members.has(viewer.id) || p.moderators.has(viewer.id)))));
    },
    async canPost(_ex, viewer, id) {
      const p = places.get(id);
      return Boolean(p && viewer.id && (p.members.has(viewer.id) || p.moderators.has(viewer.id)));
    },
    async canModerate(_ex, viewer, id) {
      return Boolean(viewer.id && places.get(id)?.moderators.has(viewer.id));
    },
    async describe(_ex, id) {
      const p = places.get(id);
      return p ? { title: p.title, href: `/test-places/${id}` } : null;
    },
  });
}

/** A place of the test owner. */
export function makeTestPlace(over: Partial<Omit<TestPlace, "members" | "moderators">> & { members?: string[]; moderators?: string[] } = {}) {
  const id = crypto.randomUUID();
  const place: TestPlace = { open: over.open ?? true, title: over.title ?? "Тестовое сообщество", members: new Set(over.members ?? []), moderators: new Set(over.moderators ?? []) };
  places.set(id, place);
  return { id, place };
}

/** An active account and the viewer of it; `publicName` gives it a card whose name everyone sees. */
export async function makePerson(ex: Executor, over: { name?: string; email?: string; roles?: Viewer["roles"]; publicName?: boolean } = {}): Promise<Viewer & { id: string; email: string; name: string }> {
  const now = new Date("2026-11-01T00:00:00Z");
  const tag = crypto.randomBytes(4).toString("hex");
  const [consent] = await ex.insert(consents).values({ document: "personal_data_processing", version: "2026-11-01", givenAt: now }).returning();
  const name = over.name ?? `Участник ${tag}`;
  const email = over.email ?? `person.${tag}@school.example`;
  const [user] = await ex.insert(users).values({ email, name, passwordHash: "x", consentId: consent!.id, emailVerifiedAt: now, createdAt: now }).returning();
  if (over.publicName) await ex.insert(profiles).values({ userId: user!.id, nameSort: russianSortKey(name), publicFields: ["name"], updatedAt: now });
  return { id: user!.id, anonymous: false, roles: [{ role: "member" }, ...(over.roles ?? [])], email, name };
}

/** Test services with two members (an author and a reader) of a closed test place. */
export async function twoMembersOfAClosedPlace(handle: DatabaseHandle) {
  const s = await createTestServices(handle, { runJobs: false });
  registerTestOwner();
  const author = await makePerson(handle.db);
  const reader = await makePerson(handle.db);
  const place = makeTestPlace({ open: false, members: [author.id, reader.id] }).id;
  return { s, author, reader, place };
}
