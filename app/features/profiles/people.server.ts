import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { organisations, profilePhotos, profiles, users } from "../../../db/schema/index.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { DELETED_PERSON_NAME, HIDDEN_PERSON_NAME, type PublicField } from "./fields.ts";
import { seesWholeProfile } from "./policy.server.ts";

/**
 * A person as any page shows them next to their content (posts, members, authors, search
 * results): only what the viewer may see. Every capability renders people through this.
 */
export interface PersonView {
  id: string;
  /** The public name, «Участник «Моста»» when it is private, «Удалённый пользователь» after deletion. */
  name: string;
  deleted: boolean;
  /** The profile page, when the viewer may see anything on it. */
  href: string | null;
  photoUrl: string | null;
  position: string | null;
  organisation: { id: string; name: string } | null;
}

/** The person-view of a deleted or unknown account. */
export function deletedPerson(id: string): PersonView {
  return { id, name: DELETED_PERSON_NAME, deleted: true, href: null, photoUrl: null, position: null, organisation: null };
}

/** The URL of a stored profile photo; the version makes it cacheable forever. */
export function photoUrl(userId: string, version: string): string {
  return `/people/${userId}/photo/${version}`;
}

/**
 * Loads the people behind a set of user ids as the viewer may see them, in one round trip.
 * Unknown and deleted ids come back as «Удалённый пользователь».
 */
export async function loadPeople(ex: Executor, viewer: Viewer, userIds: readonly string[]): Promise<Map<string, PersonView>> {
  const ids = [...new Set(userIds)];
  const out = new Map<string, PersonView>();
  if (ids.length === 0) return out;
  const rows = await ex
    .select({
      id: users.id,
      name: users.name,
      status: users.status,
      position: profiles.position,
      publicFields: profiles.publicFields,
      orgId: organisations.id,
      orgName: organisations.shortName,
      photoVersion: profilePhotos.version,
    })
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, profiles.organisationId))
    .leftJoin(profilePhotos, eq(profilePhotos.userId, users.id))
    .where(and(inArray(users.id, ids)));
  for (const r of rows) {
    if (r.status === "deleted") {
      out.set(r.id, deletedPerson(r.id));
      continue;
    }
    const whole = seesWholeProfile(viewer, r.id);
    const shown = new Set<PublicField>(whole ? ["name", "photo", "position", "organisation"] : ((r.publicFields ?? []) as PublicField[]));
    const anyPublic = whole || (r.publicFields ?? []).length > 0;
    out.set(r.id, {
      id: r.id,
      name: shown.has("name") ? r.name : HIDDEN_PERSON_NAME,
      deleted: false,
      href: anyPublic ? `/people/${r.id}` : null,
      photoUrl: shown.has("photo") && r.photoVersion ? photoUrl(r.id, r.photoVersion) : null,
      position: shown.has("position") ? (r.position ?? null) : null,
      organisation: shown.has("organisation") && r.orgId ? { id: r.orgId, name: r.orgName ?? "" } : null,
    });
  }
  for (const id of ids) if (!out.has(id)) out.set(id, deletedPerson(id));
  return out;
}
