import { and, eq } from "drizzle-orm";
import { municipalities, organisations, roleGrants, roleRequests, staffMemberships, users } from "../../../db/schema/index.ts";
import { appendEvent } from "../../../server/events/store.ts";
import type { AppServices } from "../../services.server.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { canAssignRole, canConfirmSchoolAdmin, canConfirmStaff, ensure, type OrgScope } from "./policy.server.ts";
import { grantRole, revokeRole } from "./roles.server.ts";

type Services = Pick<AppServices, "db" | "clock">;
export type StaffOutcome = { ok: true } | { ok: false; error: string };

const orgScope = async (s: Services, organisationId: string): Promise<OrgScope | undefined> =>
  (await s.db.select({ id: organisations.id, regionId: organisations.regionId, municipalityId: organisations.municipalityId, kind: organisations.kind }).from(organisations).where(eq(organisations.id, organisationId)))[0];

/** A person asks to be listed as staff of an organisation; its administrator decides. */
export async function requestMembership(s: Services, viewer: Viewer & { id: string }, input: { organisationId: string; position: string }): Promise<StaffOutcome> {
  if (!(await orgScope(s, input.organisationId))) return { ok: false, error: "Организация не найдена." };
  const now = s.clock.now();
  const inserted = await s.db
    .insert(staffMemberships)
    .values({ userId: viewer.id, organisationId: input.organisationId, position: input.position, status: "requested", requestedAt: now })
    .onConflictDoNothing()
    .returning({ id: staffMemberships.id });
  return inserted.length ? { ok: true } : { ok: false, error: "Заявка уже подана или вы уже в списке сотрудников." };
}

/**
 * The organisation's administrator (or its coordinator) confirms or declines a staff request; the
 * person is told through their stream.
 */
export async function decideMembership(s: Services, viewer: Viewer & { id: string }, input: { membershipId: string; confirm: boolean; reason?: string }): Promise<StaffOutcome> {
  const [m] = await s.db.select().from(staffMemberships).where(eq(staffMemberships.id, input.membershipId));
  const org = m && (await orgScope(s, m.organisationId));
  if (!m || !org) return { ok: false, error: "Заявка не найдена." };
  ensure(canConfirmStaff(viewer, org), "Подтверждать сотрудников может администратор этой организации или координатор её муниципалитета или региона.");
  if (m.status !== "requested") return { ok: false, error: "Заявка уже рассмотрена." };
  const now = s.clock.now();
  await s.db.transaction(async (tx) => {
    await tx
      .update(staffMemberships)
      .set({ status: input.confirm ? "confirmed" : "declined", decidedAt: now, decidedBy: viewer.id, reason: input.reason ?? null })
      .where(eq(staffMemberships.id, m.id));
    await appendEvent(tx, { stream: `user:${m.userId}`, type: input.confirm ? "staff.confirmed" : "staff.declined", payload: { organisationId: m.organisationId, reason: input.reason ?? null }, actorId: viewer.id, at: now });
  });
  return { ok: true };
}

/** A person asks to become the administrator of a school; a coordinator of its area decides. */
export async function requestSchoolAdmin(s: Services, viewer: Viewer & { id: string }, input: { organisationId: string; reason: string }): Promise<StaffOutcome> {
  const org = await orgScope(s, input.organisationId);
  if (!org || org.kind !== "school") return { ok: false, error: "Администратора назначают только образовательной организации." };
  const inserted = await s.db
    .insert(roleRequests)
    .values({ userId: viewer.id, role: "school_admin", scopeType: "organisation", scopeId: org.id, status: "requested", requestedAt: s.clock.now(), reason: input.reason })
    .onConflictDoNothing()
    .returning({ id: roleRequests.id });
  return inserted.length ? { ok: true } : { ok: false, error: "Заявка уже подана." };
}

/** A coordinator of the school's municipality or region confirms (granting the role) or declines. */
export async function decideRoleRequest(s: Services, viewer: Viewer & { id: string }, input: { requestId: string; confirm: boolean; reason: string }): Promise<StaffOutcome> {
  const [r] = await s.db.select().from(roleRequests).where(eq(roleRequests.id, input.requestId));
  const org = r && (await orgScope(s, r.scopeId));
  if (!r || !org) return { ok: false, error: "Заявка не найдена." };
  ensure(canConfirmSchoolAdmin(viewer, org), "Подтвердить администратора школы может координатор её муниципалитета или региона.");
  if (r.status !== "requested") return { ok: false, error: "Заявка уже рассмотрена." };
  const now = s.clock.now();
  await s.db.transaction(async (tx) => {
    await tx.update(roleRequests).set({ status: input.confirm ? "confirmed" : "declined", decidedAt: now, decidedBy: viewer.id }).where(eq(roleRequests.id, r.id));
    if (input.confirm) await grantRole(tx, { userId: r.userId, role: "school_admin", scope: { type: "organisation", id: org.id }, byUserId: viewer.id, reason: input.reason, now, actorSessionId: viewer.sessionId });
    await appendEvent(tx, { stream: `user:${r.userId}`, type: input.confirm ? "role.confirmed" : "role.declined", payload: { role: "school_admin", organisationId: org.id }, actorId: viewer.id, at: now });
  });
  return { ok: true };
}

/** Resolves a role's scope to what the policy needs (region, municipality with its region, organisation). */
async function scopeFor(s: Services, type: "region" | "municipality" | "organisation" | null, id: string | null) {
  if (type === "municipality" && id) {
    const [m] = await s.db.select({ id: municipalities.id, regionId: municipalities.regionId }).from(municipalities).where(eq(municipalities.id, id));
    return m ? { type, municipality: m } : undefined;
  }
  if (type === "organisation" && id) {
    const org = await orgScope(s, id);
    return org ? { type, org } : undefined;
  }
  if (type === "region" && id) return { type, regionId: id };
  return type === null ? { type } : undefined;
}

/**
 * Grants a role to a registered person inside the assigner's scope (a regional coordinator appoints
 * municipal coordinators and experts of the region; admins anything), logged with the reason.
 */
export async function assignRole(s: Services, viewer: Viewer & { id: string }, input: { email: string; role: string; scopeType: "region" | "municipality" | "organisation" | null; scopeId: string | null; reason: string }): Promise<StaffOutcome> {
  const scope = await scopeFor(s, input.scopeType, input.scopeId);
  if (!scope) return { ok: false, error: "Не найдена область действия роли." };
  ensure(canAssignRole(viewer, input.role, scope), "Эту роль в этой области вы назначать не можете.");
  const [person] = await s.db.select({ id: users.id }).from(users).where(and(eq(users.email, input.email), eq(users.status, "active")));
  if (!person) return { ok: false, error: "Человек с таким адресом не зарегистрирован на «Мосте»." };
  const granted = await s.db.transaction((tx) => grantRole(tx, { userId: person.id, role: input.role, scope: { type: input.scopeType, id: input.scopeId }, byUserId: viewer.id, reason: input.reason, now: s.clock.now(), actorSessionId: viewer.sessionId }));
  return granted ? { ok: true } : { ok: false, error: "У этого человека уже есть эта роль." };
}

/** Takes a role away, within the same limits as granting it; logged with the reason. */
export async function withdrawRole(s: Services, viewer: Viewer & { id: string }, input: { grantId: string; reason: string }): Promise<StaffOutcome> {
  const [g] = await s.db.select().from(roleGrants).where(eq(roleGrants.id, input.grantId));
  if (!g) return { ok: false, error: "Роль не найдена." };
  const scopeType = g.scopeType as "region" | "municipality" | "organisation" | null;
  const scope = await scopeFor(s, scopeType, g.scopeId);
  ensure(Boolean(scope) && canAssignRole(viewer, g.role, scope!), "Эту роль снимать вы не можете.");
  await s.db.transaction((tx) => revokeRole(tx, { userId: g.userId, role: g.role, scope: { type: scopeType, id: g.scopeId }, byUserId: viewer.id, reason: input.reason, now: s.clock.now(), actorSessionId: viewer.sessionId }));
  return { ok: true };
}
