import { and, eq } from "drizzle-orm";
import { organisations, roleRequests, staffMemberships, users } from "../../../db/schema/index.ts";
import { appendEvent } from "../../../server/events/store.ts";
import type { AppServices } from "../../services.server.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { canAppointExpert, canConfirmSchoolAdmin, canConfirmStaff, ensure, type OrgScope } from "./policy.server.ts";
import { grantRole } from "./roles.server.ts";

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

/** A coordinator appoints a registered person as an expert of their region. */
export async function appointExpert(s: Services, viewer: Viewer & { id: string }, input: { email: string; regionId: string; reason: string }): Promise<StaffOutcome> {
  ensure(canAppointExpert(viewer, input.regionId), "Назначать экспертов может координатор этого региона.");
  const [person] = await s.db.select({ id: users.id }).from(users).where(and(eq(users.email, input.email), eq(users.status, "active")));
  if (!person) return { ok: false, error: "Человек с таким адресом не зарегистрирован на «Мосте»." };
  const now = s.clock.now();
  const granted = await s.db.transaction((tx) => grantRole(tx, { userId: person.id, role: "expert", scope: { type: "region", id: input.regionId }, byUserId: viewer.id, reason: input.reason, now, actorSessionId: viewer.sessionId }));
  return granted ? { ok: true } : { ok: false, error: "Этот человек уже эксперт региона." };
}
