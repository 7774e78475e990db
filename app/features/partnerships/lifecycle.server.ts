/**
 * The life of a partnership: proposed → accepted → active → completed, or declined / ended with a
 * reason. Each change is dated in `partnership_status_changes`, appended to the `partnership:<id>`
 * stream and notified, in the same transaction as the write.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "../../../db/client.ts";
import { partnerships, partnershipStatusChanges, roleGrants, type PartnershipStatus } from "../../../db/schema/index.ts";
import { appendEvent } from "../../../server/events/store.ts";
import type { AppServices } from "../../services.server.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { notify } from "../notifications/commands.server.ts";
import { refuse, type Outcome } from "../discussions/outcome.ts";
import { acceptingSide, canComplete, canConfirm, canDecline, canEditAgreement, canEnd, ensurePartnership, proposerSide, type PartnershipAccess } from "./policy.server.ts";
import { isConfirmedStaff, isMember, loadPartnershipAccess, orgScope, partnershipStream, type PartnershipRow } from "./queries.server.ts";
import type { AgreementInput, ProposeInput } from "./schemas.ts";
import { PARTNERSHIP_ERRORS as E, STATUS_LABELS } from "./strings.ts";

export type PartnershipServices = Pick<AppServices, "db" | "clock" | "jobs"> & Partial<Pick<AppServices, "config">>;
export type Person = Viewer & { id: string };

const href = (id: string) => `/partnerships/${id}`;

/** Administrators of a school (by their scoped role grant). */
async function schoolAdminIds(tx: Tx, organisationId: string): Promise<string[]> {
  const rows = await tx.select({ userId: roleGrants.userId }).from(roleGrants).where(and(eq(roleGrants.role, "school_admin"), eq(roleGrants.scopeType, "organisation"), eq(roleGrants.scopeId, organisationId)));
  return rows.map((r) => r.userId);
}

/** Coordinators of a region (region-scoped grants). */
async function regionCoordinatorIds(tx: Tx, regionId: string): Promise<string[]> {
  const rows = await tx.select({ userId: roleGrants.userId }).from(roleGrants).where(and(eq(roleGrants.role, "coordinator"), eq(roleGrants.scopeType, "region"), inArray(roleGrants.scopeId, [regionId])));
  return rows.map((r) => r.userId);
}

async function notifyAll(tx: Tx, s: PartnershipServices, userIds: readonly string[], actor: Person, partnershipId: string, text: string) {
  for (const userId of new Set(userIds)) {
    if (userId === actor.id) continue;
    await notify(tx, s, { userId, kind: "partnership", payload: { title: "Партнёрство школ", text, actorId: actor.id }, href: href(partnershipId), actorId: actor.id });
  }
}

/** Records a dated change (and its stream event) inside the writing transaction. */
async function record(tx: Tx, s: PartnershipServices, input: { partnershipId: string; from: PartnershipStatus | null; to: PartnershipStatus; actorId: string; reason?: string | null; note?: string | null }) {
  const at = s.clock.now();
  await tx.insert(partnershipStatusChanges).values({ partnershipId: input.partnershipId, fromStatus: input.from, toStatus: input.to, byUserId: input.actorId, at, reason: input.reason ?? null, note: input.note ?? null });
  await appendEvent(tx, { stream: partnershipStream(input.partnershipId), type: "partnership.status", payload: { from: input.from, to: input.to, note: input.note ?? null }, actorId: input.actorId, at });
}

/** A unique index refused the write (a concurrent twin of the same request won). */
export const isUniqueViolation = (err: unknown) => {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
};

/**
 * Proposes a partnership of a leading school and a partner school. A school administrator's own side
 * counts as accepted; a coordinator's proposal waits for both schools.
 */
export async function proposePartnership(s: PartnershipServices, viewer: Person, input: ProposeInput): Promise<Outcome<{ id: string }>> {
  if (input.leaderOrgId === input.partnerOrgId) return refuse(400, E.sameSchool);
  const [leader, partner] = await Promise.all([orgScope(s.db, input.leaderOrgId), orgScope(s.db, input.partnerOrgId)]);
  if (!leader || !partner) return refuse(404, E.schoolNotFound);
  if (leader.kind !== "school" || partner.kind !== "school") return refuse(400, E.notSchools);
  const side = proposerSide(viewer, leader, partner);
  ensurePartnership(side !== null);
  const now = s.clock.now();
  try {
    return await s.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(partnerships)
        .values({
          leaderOrgId: leader.id,
          partnerOrgId: partner.id,
          status: "proposed",
          proposedBy: viewer.id,
          proposedSide: side!,
          leaderAcceptedAt: side === "leader" ? now : null,
          partnerAcceptedAt: side === "partner" ? now : null,
          goals: input.goals,
          createdAt: now,
          statusChangedAt: now,
        })
        .returning({ id: partnerships.id });
      const id = row!.id;
      await record(tx, s, { partnershipId: id, from: null, to: "proposed", actorId: viewer.id, note: side === "coordinator" ? "предложено координатором" : `предложено школой (${side === "leader" ? "школа-лидер" : "школа-партнёр"})` });
      const waiting = side === "leader" ? [partner.id] : side === "partner" ? [leader.id] : [leader.id, partner.id];
      for (const orgId of waiting) await notifyAll(tx, s, await schoolAdminIds(tx, orgId), viewer, id, `Предложение партнёрства: ${leader.shortName} и ${partner.shortName}`);
      return { ok: true as const, id };
    });
  } catch (err) {
    if (isUniqueViolation(err)) return refuse(409, E.pairOpen);
    throw err;
  }
}

type Loaded = { row: PartnershipRow; access: PartnershipAccess };

async function load(s: PartnershipServices, viewer: Person, id: string): Promise<Loaded | null> {
  return loadPartnershipAccess(s.db, viewer, id);
}

/** Moves the status only if it is still `from` (a concurrent change wins, the other gets 409). */
async function move(tx: Tx, id: string, from: PartnershipStatus, set: Partial<typeof partnerships.$inferInsert>): Promise<boolean> {
  const changed = await tx.update(partnerships).set(set).where(and(eq(partnerships.id, id), eq(partnerships.status, from))).returning({ id: partnerships.id });
  return changed.length > 0;
}

/** The administrator of the pending side accepts; when both sides have, the partnership is accepted. */
export async function acceptPartnership(s: PartnershipServices, viewer: Person, input: { partnershipId: string }): Promise<Outcome<{ status: PartnershipStatus }>> {
  const found = await load(s, viewer, input.partnershipId);
  if (!found) return refuse(404, E.notFound);
  const side = acceptingSide(viewer, found.access);
  if (found.access.status !== "proposed") return refuse(409, E.wrongStatus);
  ensurePartnership(side !== null);
  const now = s.clock.now();
  const other = side === "leader" ? found.row.partnerAcceptedAt : found.row.leaderAcceptedAt;
  const complete = Boolean(other);
  return s.db.transaction(async (tx) => {
    const set = side === "leader" ? { leaderAcceptedAt: now } : { partnerAcceptedAt: now };
    if (!(await move(tx, found.row.id, "proposed", complete ? { ...set, status: "accepted", statusChangedAt: now } : set))) return refuse(409, E.wrongStatus);
    const sideName = side === "leader" ? "школа-лидер" : "школа-партнёр";
    await record(tx, s, { partnershipId: found.row.id, from: "proposed", to: complete ? "accepted" : "proposed", actorId: viewer.id, note: `приняла ${sideName}` });
    if (complete) {
      await notifyAll(tx, s, await regionCoordinatorIds(tx, found.access.partner.regionId), viewer, found.row.id, "Партнёрство школ ждёт подтверждения координатора");
      if (found.row.proposedBy) await notifyAll(tx, s, [found.row.proposedBy], viewer, found.row.id, "Предложение партнёрства принято");
    }
    return { ok: true as const, status: complete ? ("accepted" as const) : ("proposed" as const) };
  });
}

/** A coordinator of the partner school's region confirms: the partnership is active. */
export async function confirmPartnership(s: PartnershipServices, viewer: Person, input: { partnershipId: string }): Promise<Outcome> {
  const found = await load(s, viewer, input.partnershipId);
  if (!found) return refuse(404, E.notFound);
  if (found.access.status !== "accepted") return refuse(409, E.wrongStatus);
  ensurePartnership(canConfirm(viewer, found.access));
  const now = s.clock.now();
  return s.db.transaction(async (tx) => {
    if (!(await move(tx, found.row.id, "accepted", { status: "active", statusChangedAt: now }))) return refuse(409, E.wrongStatus);
    await record(tx, s, { partnershipId: found.row.id, from: "accepted", to: "active", actorId: viewer.id });
    const admins = [...(await schoolAdminIds(tx, found.row.leaderOrgId)), ...(await schoolAdminIds(tx, found.row.partnerOrgId))];
    await notifyAll(tx, s, admins, viewer, found.row.id, "Партнёрство подтверждено координатором и действует");
    return { ok: true as const };
  });
}

/**
 * Declines a proposal (the pending school or the partner's coordinator), withdraws it or ends an
 * active partnership (either school, the partner's coordinator) with a reason, or completes it.
 */
export async function closePartnership(s: PartnershipServices, viewer: Person, input: { partnershipId: string; to: "declined" | "ended" | "completed"; reason?: string }): Promise<Outcome> {
  const found = await load(s, viewer, input.partnershipId);
  if (!found) return refuse(404, E.notFound);
  const from = found.access.status;
  const allowed = input.to === "declined" ? canDecline(viewer, found.access) : input.to === "completed" ? canComplete(viewer, found.access) : canEnd(viewer, found.access);
  if (!allowed && !["proposed", "accepted", "active"].includes(from)) return refuse(409, E.wrongStatus);
  ensurePartnership(allowed);
  const reason = input.reason?.trim() || null;
  if (input.to !== "completed" && !reason) return refuse(400, E.reasonRequired);
  const now = s.clock.now();
  return s.db.transaction(async (tx) => {
    if (!(await move(tx, found.row.id, from, { status: input.to, statusChangedAt: now, reason }))) return refuse(409, E.wrongStatus);
    await record(tx, s, { partnershipId: found.row.id, from, to: input.to, actorId: viewer.id, reason });
    const admins = [...(await schoolAdminIds(tx, found.row.leaderOrgId)), ...(await schoolAdminIds(tx, found.row.partnerOrgId))];
    await notifyAll(tx, s, admins, viewer, found.row.id, `Партнёрство: ${STATUS_LABELS[input.to]}`);
    return { ok: true as const };
  });
}

/** Saves the agreement: number, date, period, goals and the curator. */
export async function updateAgreement(s: PartnershipServices, viewer: Person, input: { partnershipId: string } & AgreementInput): Promise<Outcome> {
  const found = await load(s, viewer, input.partnershipId);
  if (!found) return refuse(404, E.notFound);
  ensurePartnership(canEditAgreement(viewer, found.access));
  if (input.periodStart && input.periodEnd && input.periodEnd < input.periodStart) return refuse(400, E.periodOrder);
  if (input.curatorId && input.curatorId !== found.row.curatorId) {
    const staff = (await isConfirmedStaff(s.db, found.row.leaderOrgId, input.curatorId)) || (await isConfirmedStaff(s.db, found.row.partnerOrgId, input.curatorId)) || (await isMember(s.db, found.row.id, input.curatorId));
    if (!staff) return refuse(400, E.curatorUnknown);
  }
  const now = s.clock.now();
  return s.db.transaction(async (tx) => {
    await tx
      .update(partnerships)
      .set({ agreementNumber: input.agreementNumber ?? null, agreementDate: input.agreementDate ?? null, periodStart: input.periodStart ?? null, periodEnd: input.periodEnd ?? null, goals: input.goals, curatorId: input.curatorId ?? null })
      .where(eq(partnerships.id, found.row.id));
    await appendEvent(tx, { stream: partnershipStream(found.row.id), type: "partnership.agreement", payload: {}, actorId: viewer.id, at: now });
    return { ok: true as const };
  });
}
