import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "../../../db/client.ts";
import { accountTokens, authEvents, consents, organisations, profilePhotos, profiles, roleGrants, roleRequests, staffMemberships, users } from "../../../db/schema/index.ts";
import type { AppServices } from "../../services.server.ts";
import { logAuthEvent } from "../accounts/audit.server.ts";
import type { Failure, Outcome } from "../accounts/commands.server.ts";
import { randomToken } from "../accounts/crypto.server.ts";
import { reauthenticate } from "../accounts/recovery.server.ts";
import { endSessions } from "../accounts/sessions.server.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { appendEvent } from "../../../server/events/store.ts";
import { russianSortKey } from "~/utils/text";
import { PUBLIC_FIELDS, PUBLIC_PROFILE_CONSENT, type PublicField } from "./fields.ts";
import { eraseRegistrationsOf } from "../events/commands.server.ts";
import { eraseRoomRecordsOf } from "../events/room-commands.server.ts";
import { eraseFromCapabilities } from "./erasure.server.ts";
import { processPhoto } from "./photo.server.ts";
import type { ProfileInput } from "./schemas.ts";

type Services = Pick<AppServices, "db" | "clock" | "jobs">;
type Signed = Viewer & { id: string };

const refuse = (error: string, field?: string): Failure => ({ ok: false, error, field, status: 400 });
const ordered = (fields: readonly string[]) => PUBLIC_FIELDS.filter((f) => fields.includes(f));

/**
 * Records a change of the public fields as consent (152-ФЗ ст. 10.1): the consent in force is
 * withdrawn and, unless nothing stays public, a new one lists exactly the fields now public.
 */
async function recordPublicConsent(tx: Tx, userId: string, fields: PublicField[], now: Date) {
  await tx
    .update(consents)
    .set({ withdrawnAt: now })
    .where(and(eq(consents.userId, userId), eq(consents.document, PUBLIC_PROFILE_CONSENT.document), isNull(consents.withdrawnAt)));
  if (fields.length) await tx.insert(consents).values({ userId, document: PUBLIC_PROFILE_CONSENT.document, version: PUBLIC_PROFILE_CONSENT.version, givenAt: now, fields });
}

/** Saves the person's professional card and, when it changed, which fields are public. */
export async function saveProfile(s: Services, viewer: Signed, input: ProfileInput): Promise<Outcome> {
  const now = s.clock.now();
  if (input.organisationId) {
    const [org] = await s.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.organisationId));
    if (!org) return refuse("Такой организации нет в справочнике.", "organisationId");
  }
  const publicFields = ordered(input.publicFields);
  const values = {
    nameSort: russianSortKey(input.name),
    position: input.position ?? null,
    organisationId: input.organisationId ?? null,
    subjects: [...new Set(input.subjects)],
    grades: [...new Set(input.grades)].sort((a, b) => a - b),
    experienceYears: input.experienceYears ?? null,
    canHelp: [...new Set(input.canHelp)],
    needsHelp: [...new Set(input.needsHelp)],
    timeZone: input.timeZone ?? null,
    bio: input.bio ?? null,
    publicFields,
    updatedAt: now,
  };
  await s.db.transaction(async (tx) => {
    const [before] = await tx.select({ publicFields: profiles.publicFields }).from(profiles).where(eq(profiles.userId, viewer.id)).for("update");
    await tx.update(users).set({ name: input.name }).where(eq(users.id, viewer.id));
    await tx
      .insert(profiles)
      .values({ userId: viewer.id, ...values })
      .onConflictDoUpdate({ target: profiles.userId, set: values });
    if (ordered(before?.publicFields ?? []).join() !== publicFields.join()) await recordPublicConsent(tx, viewer.id, publicFields, now);
    // The search follows the person's stream: what is public about them may have changed.
    await appendEvent(tx, { stream: `user:${viewer.id}`, type: "profile.updated", payload: {}, actorId: viewer.id, at: now });
  });
  return { ok: true };
}

/** Stores a new profile photo after checking and re-encoding it. */
export async function savePhoto(s: Services, viewer: Signed, bytes: Uint8Array): Promise<Outcome> {
  const photo = await processPhoto(bytes);
  if (!photo.ok) return refuse(photo.error, "photo");
  const now = s.clock.now();
  const values = { contentType: photo.contentType, image: photo.image, version: randomToken().slice(0, 12), updatedAt: now };
  await s.db
    .insert(profilePhotos)
    .values({ userId: viewer.id, ...values })
    .onConflictDoUpdate({ target: profilePhotos.userId, set: values });
  return { ok: true };
}

export async function removePhoto(s: Services, viewer: Signed): Promise<Outcome> {
  await s.db.delete(profilePhotos).where(eq(profilePhotos.userId, viewer.id));
  return { ok: true };
}

/**
 * Deletes an account after re-authentication. Personal data goes at once: the name, the address,
 * the password, the profile and photo, places of work, roles, tokens, sessions and sign-in
 * history. The row itself stays, marked deleted and blank, so what the person wrote keeps its
 * author reference and is shown under «Удалённый пользователь». Consent records stay with their
 * dates (what the law requires to prove consent was given and withdrawn).
 *
 * Every capability that stores personal data about a person (not their authored content) erases
 * it here, in the same transaction.
 */
export async function deleteAccount(s: Services, viewer: Signed, password: string): Promise<Outcome> {
  const auth = await reauthenticate(s, viewer, password);
  if ("ok" in auth) return { ...auth, field: auth.field === "currentPassword" ? "password" : auth.field };
  const now = s.clock.now();
  const id = viewer.id;
  await s.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ status: "deleted", name: "", email: `deleted-${id}@deleted.invalid`, passwordHash: "", emailVerifiedAt: null })
      .where(eq(users.id, id));
    await tx.delete(profiles).where(eq(profiles.userId, id));
    await tx.delete(profilePhotos).where(eq(profilePhotos.userId, id));
    await tx.delete(staffMemberships).where(eq(staffMemberships.userId, id));
    await tx.delete(roleRequests).where(eq(roleRequests.userId, id));
    await tx.delete(roleGrants).where(eq(roleGrants.userId, id));
    await tx.delete(accountTokens).where(eq(accountTokens.userId, id));
    await tx.delete(authEvents).where(eq(authEvents.userId, id));
    await tx.update(consents).set({ withdrawnAt: now }).where(and(eq(consents.userId, id), isNull(consents.withdrawnAt)));
    await eraseRegistrationsOf(tx, s, id, now);
    await eraseRoomRecordsOf(tx, id);
    await eraseFromCapabilities(tx, id, now);
    await endSessions(tx, id, {}, now);
    await logAuthEvent(tx, id, "account_deleted", now);
    await appendEvent(tx, { stream: `user:${id}`, type: "profile.deleted", payload: {}, actorId: id, at: now });
  });
  return { ok: true };
}
