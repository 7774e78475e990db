import { asc, eq } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import {
  authEvents,
  communities,
  communityFollows,
  eventRegistrations,
  practiceBookmarks,
  practices,
  programmeEvents,
  communityMembers,
  consents,
  notifications,
  notificationSettings,
  organisations,
  postReactions,
  postReports,
  posts,
  profilePhotos,
  profiles,
  roleChanges,
  roleGrants,
  roleRequests,
  sessions,
  staffMemberships,
  threads,
  users,
} from "../../../db/schema/index.ts";
import { docToPlainText } from "../discussions/rich-text/document.ts";
import type { RichDoc } from "../discussions/rich-text/document.ts";
import { PERSONAL_DATA_CONSENT } from "../accounts/consent.ts";
import { formatDateTime } from "~/utils/datetime";
import { gradesLabel, subjectLabel, topicLabel } from "../vocabulary/index.ts";
import { CHANNEL_LABELS, isNotificationKind, kindInfo } from "../notifications/catalogue.ts";
import { PUBLIC_FIELD_LABELS, PUBLIC_PROFILE_CONSENT, type PublicField } from "./fields.ts";

/**
 * Everything stored about a person, for the export (152-ФЗ ст. 14): the account, the profile,
 * the photo, consents with their dates, sessions, places of work, roles and sign-in history.
 * Capabilities that store more about a person add their part here.
 */
export async function collectPersonalData(ex: Executor, userId: string) {
  const [account] = await ex
    .select({ id: users.id, name: users.name, email: users.email, emailVerifiedAt: users.emailVerifiedAt, createdAt: users.createdAt, passwordChangedAt: users.passwordChangedAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!account) return null;
  const [profile] = await ex.select().from(profiles).where(eq(profiles.userId, userId));
  const [photo] = await ex.select().from(profilePhotos).where(eq(profilePhotos.userId, userId));
  const [orgRows, consentRows, sessionRows, membershipRows, requestRows, grantRows, changeRows, eventRows] = await Promise.all([
    profile?.organisationId ? ex.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.id, profile.organisationId)) : Promise.resolve([]),
    ex.select().from(consents).where(eq(consents.userId, userId)).orderBy(asc(consents.givenAt)),
    ex.select({ device: sessions.device, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt }).from(sessions).where(eq(sessions.userId, userId)),
    ex
      .select({ organisation: organisations.name, position: staffMemberships.position, status: staffMemberships.status, requestedAt: staffMemberships.requestedAt, decidedAt: staffMemberships.decidedAt })
      .from(staffMemberships)
      .innerJoin(organisations, eq(organisations.id, staffMemberships.organisationId))
      .where(eq(staffMemberships.userId, userId)),
    ex.select({ role: roleRequests.role, status: roleRequests.status, requestedAt: roleRequests.requestedAt, reason: roleRequests.reason }).from(roleRequests).where(eq(roleRequests.userId, userId)),
    ex.select({ role: roleGrants.role, scopeType: roleGrants.scopeType, grantedAt: roleGrants.grantedAt, reason: roleGrants.reason }).from(roleGrants).where(eq(roleGrants.userId, userId)),
    ex.select({ role: roleChanges.role, action: roleChanges.action, at: roleChanges.at, reason: roleChanges.reason }).from(roleChanges).where(eq(roleChanges.userId, userId)).orderBy(asc(roleChanges.at)),
    ex.select({ kind: authEvents.kind, at: authEvents.at, detail: authEvents.detail }).from(authEvents).where(eq(authEvents.userId, userId)).orderBy(asc(authEvents.at)),
  ]);
  const [registrationRows, bookmarkRows] = await Promise.all([
    ex
      .select({ event: programmeEvents.title, status: eventRegistrations.status, answers: eventRegistrations.answers, createdAt: eventRegistrations.createdAt, cancelledAt: eventRegistrations.cancelledAt })
      .from(eventRegistrations)
      .innerJoin(programmeEvents, eq(programmeEvents.id, eventRegistrations.eventId))
      .where(eq(eventRegistrations.userId, userId)),
    ex.select({ practice: practices.title, at: practiceBookmarks.at }).from(practiceBookmarks).innerJoin(practices, eq(practices.id, practiceBookmarks.practiceId)).where(eq(practiceBookmarks.userId, userId)),
  ]);
  const settingRows = await ex
    .select({ kind: notificationSettings.kind, channel: notificationSettings.channel, updatedAt: notificationSettings.updatedAt })
    .from(notificationSettings)
    .where(eq(notificationSettings.userId, userId))
    .orderBy(asc(notificationSettings.kind));
  const [postRows, reactionRows, reportRows, memberRows, followRows, notificationRows] = await Promise.all([
    ex
      .select({ thread: threads.title, threadId: threads.id, seq: posts.seq, body: posts.body, createdAt: posts.createdAt, editedAt: posts.editedAt, deletedAt: posts.deletedAt })
      .from(posts)
      .innerJoin(threads, eq(threads.id, posts.threadId))
      .where(eq(posts.authorId, userId))
      .orderBy(asc(posts.createdAt)),
    ex.select({ postId: postReactions.postId, kind: postReactions.kind, at: postReactions.at }).from(postReactions).where(eq(postReactions.userId, userId)),
    ex.select({ postId: postReports.postId, reason: postReports.reason }).from(postReports).where(eq(postReports.reporterId, userId)),
    ex
      .select({ community: communities.name, role: communityMembers.role, status: communityMembers.status, requestedAt: communityMembers.requestedAt, joinedAt: communityMembers.joinedAt })
      .from(communityMembers)
      .innerJoin(communities, eq(communities.id, communityMembers.communityId))
      .where(eq(communityMembers.userId, userId)),
    ex.select({ community: communities.name, at: communityFollows.at }).from(communityFollows).innerJoin(communities, eq(communities.id, communityFollows.communityId)).where(eq(communityFollows.userId, userId)),
    ex.select({ kind: notifications.kind, href: notifications.href, createdAt: notifications.createdAt, readAt: notifications.readAt }).from(notifications).where(eq(notifications.userId, userId)).orderBy(asc(notifications.createdAt)),
  ]);
  return {
    format: "most-personal-data/1",
    account,
    profile: profile
      ? {
          position: profile.position,
          organisation: orgRows[0] ?? null,
          subjects: profile.subjects,
          grades: profile.grades,
          experienceYears: profile.experienceYears,
          canHelp: profile.canHelp,
          needsHelp: profile.needsHelp,
          timeZone: profile.timeZone,
          bio: profile.bio,
          publicFields: profile.publicFields,
          updatedAt: profile.updatedAt,
        }
      : null,
    photo: photo ? { contentType: photo.contentType, updatedAt: photo.updatedAt, base64: Buffer.from(photo.image).toString("base64") } : null,
    consents: consentRows.map((c) => ({ document: c.document, version: c.version, givenAt: c.givenAt, withdrawnAt: c.withdrawnAt, fields: c.fields })),
    sessions: sessionRows,
    staffMemberships: membershipRows,
    roleRequests: requestRows,
    roles: grantRows,
    roleChanges: changeRows,
    signInHistory: eventRows,
    communities: memberRows,
    follows: followRows,
    posts: postRows.map((p) => ({ thread: p.thread, threadId: p.threadId, opening: p.seq === 1, createdAt: p.createdAt, editedAt: p.editedAt, deletedAt: p.deletedAt, text: docToPlainText(p.body as unknown as RichDoc) })),
    reactions: reactionRows,
    reports: reportRows,
    notifications: notificationRows,
    /** The e-mail choices the person saved (kinds not listed follow their defaults). */
    notificationSettings: settingRows,
    eventRegistrations: registrationRows,
    bookmarks: bookmarkRows,
  };
}

export type PersonalData = NonNullable<Awaited<ReturnType<typeof collectPersonalData>>>;

const esc = (s: unknown) =>
  String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
const CONSENT_TITLES: Record<string, string> = { [PERSONAL_DATA_CONSENT.document]: PERSONAL_DATA_CONSENT.title, [PUBLIC_PROFILE_CONSENT.document]: PUBLIC_PROFILE_CONSENT.title };

/** A readable, self-contained HTML summary of the export (printable, no scripts, no external files). */
export function renderPersonalDataHtml(d: PersonalData, timeZone: string, generatedAt: Date): string {
  const when = (at: Date | string | null | undefined) => (at ? formatDateTime(at, timeZone) : "—");
  const row = (k: string, v: unknown) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v)}</td></tr>`;
  const table = (head: string[], rows: unknown[][]) =>
    rows.length
      ? `<table><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`).join("")}</tbody></table>`
      : "<p>Нет записей.</p>";
  const p = d.profile;
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Мои данные на платформе «Мост»</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#0f172a}table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border:1px solid #cbd5e1;padding:.4rem .6rem;text-align:left;vertical-align:top}thead th{background:#f1f5f9}h2{margin-top:2rem}</style></head><body>
<h1>Мои данные на платформе «Мост»</h1>
<p>Выгрузка сформирована ${esc(when(generatedAt))}. Полная машиночитаемая версия — файл JSON на той же странице.</p>
<h2>Учётная запись</h2><table><tbody>${row("Имя", d.account.name)}${row("Электронная почта", d.account.email)}${row("Адрес подтверждён", when(d.account.emailVerifiedAt))}${row("Зарегистрирован", when(d.account.createdAt))}${row("Пароль изменён", when(d.account.passwordChangedAt))}</tbody></table>
<h2>Профиль</h2>${
    p
      ? `<table><tbody>${row("Должность", p.position ?? "—")}${row("Организация", p.organisation?.name ?? "—")}${row("Предметы", p.subjects.map(subjectLabel).join(", ") || "—")}${row("Классы", gradesLabel(p.grades) || "—")}${row("Стаж, лет", p.experienceYears ?? "—")}${row("Могу помочь с", p.canHelp.map(topicLabel).join(", ") || "—")}${row("Нужна помощь с", p.needsHelp.map(topicLabel).join(", ") || "—")}${row("Часовой пояс", p.timeZone ?? "по региону организации")}${row("О себе", p.bio ?? "—")}${row("Открыто всем", p.publicFields.map((f) => PUBLIC_FIELD_LABELS[f as PublicField] ?? f).join(", ") || "ничего")}${row("Фотография", d.photo ? "есть (в файле JSON)" : "нет")}</tbody></table>`
      : "<p>Профиль не заполнен.</p>"
  }
<h2>Согласия</h2>${table(["Документ", "Редакция", "Дано", "Отозвано", "Поля"], d.consents.map((c) => [CONSENT_TITLES[c.document] ?? c.document, c.version, when(c.givenAt), when(c.withdrawnAt), (c.fields ?? []).map((f) => PUBLIC_FIELD_LABELS[f as PublicField] ?? f).join(", ")]))}
<h2>Места работы</h2>${table(["Организация", "Должность", "Статус", "Заявка", "Решение"], d.staffMemberships.map((m) => [m.organisation, m.position, m.status, when(m.requestedAt), when(m.decidedAt)]))}
<h2>Роли</h2>${table(["Роль", "Область", "С", "Основание"], d.roles.map((r) => [r.role, r.scopeType ?? "вся платформа", when(r.grantedAt), r.reason ?? ""]))}
<h2>Изменения ролей</h2>${table(["Роль", "Действие", "Когда", "Основание"], d.roleChanges.map((r) => [r.role, r.action === "granted" ? "назначена" : "снята", when(r.at), r.reason]))}
<h2>Сообщества</h2>${table(["Сообщество", "Роль", "Статус", "Заявка", "Вступление"], d.communities.map((m) => [m.community, m.role, m.status, when(m.requestedAt), when(m.joinedAt)]))}
<h2>Сообщения</h2>${table(["Обсуждение", "Когда", "Текст"], d.posts.map((p) => [p.thread, when(p.createdAt), p.deletedAt ? "(удалено)" : p.text.slice(0, 300)]))}
<h2>Настройки уведомлений</h2>${d.notificationSettings.length ? table(["Уведомление", "На почту", "Изменено"], d.notificationSettings.map((n) => [isNotificationKind(n.kind) ? kindInfo(n.kind).label : n.kind, CHANNEL_LABELS[n.channel], when(n.updatedAt)])) : "<p>Настройки по умолчанию.</p>"}
<h2>Мероприятия</h2>${table(["Мероприятие", "Статус", "Заявка", "Отмена"], d.eventRegistrations.map((r) => [r.event, r.status, when(r.createdAt), when(r.cancelledAt)]))}
<h2>Сеансы</h2>${table(["Устройство", "Начат", "Последняя активность"], d.sessions.map((s) => [s.device, when(s.createdAt), when(s.lastSeenAt)]))}
<h2>История входов и изменений учётной записи</h2>${table(["Событие", "Когда"], d.signInHistory.map((e) => [e.kind, when(e.at)]))}
</body></html>`;
}
