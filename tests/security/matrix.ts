/**
 * The policy matrix: every mutating route (a route module with an `action`) and every socket event
 * a client may send, each with who may do it. `routesOfApp()` reads the route list from the app
 * itself, so a new mutating route without a row fails the matrix test.
 */
import routes from "../../app/routes.ts";
import { CLIENT_EVENTS } from "../../server/realtime/protocol.ts";
import type { AppServices } from "../../app/services.server.ts";
import type { Viewer } from "../../app/features/accounts/viewer.server.ts";
import { mayAnnounceTyping } from "../../server/realtime/hub.ts";
import { handlePostCreate } from "../../app/features/discussions/socket.server.ts";
import { plainTextToDoc } from "../../app/features/discussions/rich-text/plain-text.ts";
import { matrixEventForm } from "../factories/events.ts";
import { NOTIFICATION_KIND_LIST } from "../../app/features/notifications/catalogue.ts";

export type Persona = "guest" | "member" | "schoolAdminOwn" | "schoolAdminForeign" | "coordinatorOwn" | "coordinatorForeign" | "admin";
export const PERSONAS: Persona[] = ["guest", "member", "schoolAdminOwn", "schoolAdminForeign", "coordinatorOwn", "coordinatorForeign", "admin"];

/** allow: the action ran; forbidden: 403/404; login: sent to sign in; guestOnly: sent to the account page. */
export type Outcome = "allow" | "forbidden" | "login" | "guestOnly";

export interface Fixtures {
  school: { id: string };
  membershipId: string;
  roleRequestId: string;
  chitaRegionId: string;
  /** A previewed (rejected) upload of Забайкальский край. */
  importId: string;
  userIds: Record<Persona, string | null>;
  /** A closed community of Забайкальский край owned by coordinatorOwn, with a thread and the foreign school admin's join request. */
  community: { closedId: string; closedSlug: string; closedThreadId: string; applicantId: string };
  /** A post of coordinatorOwn in the closed community's thread, reported by the applicant. */
  discussion: { postId: string; reportId: string };
  /** A regional event of Забайкальский край (audience: the region) held by its institute. */
  event: { id: string; instituteId: string };
  /** An active partnership led by schoolAdminOwn's school (Забайкальский край) with a workspace thread; a partner school free to propose to. */
  partnership: { id: string; threadId: string; freePartnerId: string };
  /** Practices by member for schoolAdminOwn's school: published, draft, submitted. schoolAdminOwn and coordinatorOwn are also experts of the region. */
  library: { publishedId: string; draftId: string; submittedId: string };
  /** A roadmap of the partnership above with one activity. */
  plan: { id: string; itemId: string };
  /** A signed unsubscribe token of member's (new community threads). */
  unsubscribeToken: string;
}

export interface RouteRow {
  /** What the action does, in one line. */
  what: string;
  /** The request path with params filled in, and the form sent. */
  request(f: Fixtures): { path: string; params?: Record<string, string>; form: Record<string, string | File> };
  expect: Record<Persona, Outcome>;
}

const same = (o: Outcome): Record<Persona, Outcome> => Object.fromEntries(PERSONAS.map((p) => [p, o])) as Record<Persona, Outcome>;
const signedIn = (o: Outcome): Record<Persona, Outcome> => ({ ...same(o), guest: "login" });
/** Editing a roadmap of the matrix partnership: its insiders and coordinators of its region. */
const partnershipPlan: Record<Persona, Outcome> = { guest: "login", member: "forbidden", schoolAdminOwn: "allow", schoolAdminForeign: "forbidden", coordinatorOwn: "allow", coordinatorForeign: "forbidden", admin: "allow" };
const guestOnly: Record<Persona, Outcome> = { ...same("guestOnly"), guest: "allow" };

/** Rows by route file (as app/routes.ts names it). */
export const ROUTE_MATRIX: Record<string, RouteRow> = {
  "routes/preferences.time-zone.tsx": { what: "choose the zone times are shown in", request: () => ({ path: "/preferences/time-zone", form: { timeZone: "Asia/Chita", source: "chosen" } }), expect: same("allow") },
  "routes/register.tsx": { what: "register", request: () => ({ path: "/register", form: { name: "Матрица Тестова", email: `matrix${Math.random()}@school.example`, password: "Матрица-пароль-1", passwordRepeat: "Матрица-пароль-1", consent: "yes" } }), expect: guestOnly },
  "routes/register.confirm.tsx": { what: "confirm an address by code", request: () => ({ path: "/register/confirm", form: { email: "nobody@school.example", code: "123456" } }), expect: same("allow") },
  "routes/confirm-email.tsx": { what: "confirm an address by link", request: () => ({ path: "/confirm-email", form: { token: "a".repeat(32) } }), expect: same("allow") },
  "routes/login.tsx": { what: "sign in", request: () => ({ path: "/login", form: { email: "nobody@school.example", password: "whatever-123" } }), expect: guestOnly },
  "routes/logout.tsx": { what: "sign out", request: () => ({ path: "/logout", form: {} }), expect: same("allow") },
  "routes/forgot-password.tsx": { what: "ask for a reset link", request: () => ({ path: "/forgot-password", form: { email: "nobody@school.example" } }), expect: same("allow") },
  "routes/reset-password.tsx": { what: "set a password from a reset link", request: () => ({ path: "/reset-password", form: { token: "a".repeat(32), password: "Новый-пароль-1", passwordRepeat: "Новый-пароль-1" } }), expect: same("allow") },
  "routes/account.tsx": { what: "change one's password or e-mail", request: () => ({ path: "/account", form: { intent: "password", currentPassword: "неверный", password: "Новый-пароль-1", passwordRepeat: "Новый-пароль-1" } }), expect: signedIn("allow") },
  "routes/account.sessions.tsx": { what: "end one's other sessions", request: () => ({ path: "/account/sessions", form: { intent: "end-others" } }), expect: signedIn("allow") },
  "routes/account.profile.tsx": {
    what: "save one's own profile card and public fields",
    // A form the action refuses (a one-letter name): the guard runs, nobody's card changes, so
    // later rows that read a persona's profile organisation see it as the fixtures made it.
    request: () => ({ path: "/account/profile", form: { name: "М", position: "учитель" } }),
    expect: signedIn("allow"),
  },
  "routes/account.photo.tsx": { what: "upload or remove one's own photo", request: () => ({ path: "/account/photo", form: { intent: "remove" } }), expect: signedIn("allow") },
  "routes/account.data.tsx": { what: "delete one's own account (after the password)", request: () => ({ path: "/account/data", form: { password: "неверный-пароль", confirm: "yes" } }), expect: signedIn("allow") },
  "routes/organisations.$id.tsx": {
    what: "decide a staff request of a school",
    request: (f) => ({ path: `/organisations/${f.school.id}`, params: { id: f.school.id }, form: { intent: "decide", membershipId: f.membershipId, decision: "decline" } }),
    expect: { guest: "login", member: "forbidden", schoolAdminOwn: "allow", schoolAdminForeign: "forbidden", coordinatorOwn: "allow", coordinatorForeign: "forbidden", admin: "allow" },
  },
  "routes/directory.import.tsx": {
    what: "upload a school list for a region",
    request: (f) => ({
      path: "/directory/import",
      form: { regionId: f.chitaRegionId, schoolYear: "2026/2027", file: new File(["ИНН;Полное наименование;Муниципальное образование\n"], "schools.csv", { type: "text/csv" }) },
    }),
    expect: { guest: "login", member: "forbidden", schoolAdminOwn: "forbidden", schoolAdminForeign: "forbidden", coordinatorOwn: "allow", coordinatorForeign: "forbidden", admin: "allow" },
  },
  "routes/directory.import.$id.tsx": {
    what: "confirm a previewed school list",
    request: (f) => ({ path: `/directory/import/${f.importId}`, params: { id: f.importId }, form: { intent: "apply" } }),
    expect: { guest: "login", member: "forbidden", schoolAdminOwn: "forbidden", schoolAdminForeign: "forbidden", coordinatorOwn: "allow", coordinatorForeign: "forbidden", admin: "allow" },
  },
  "routes/communities.new.tsx": {
    what: "create a regional community of Забайкальский край",
    request: (f) => ({ path: "/communities/new", form: { name: `Матрица ${Math.random().toString(36).slice(2, 8)}`, description: "Сообщество для проверки матрицы прав доступа.", kind: "role", scope: "regional", regionId: f.chitaRegionId, visibility: "open" } }),
    expect: { guest: "login", member: "forbidden", schoolAdminOwn: "forbidden", schoolAdminForeign: "forbidden", coordinatorOwn: "allow", coordinatorForeign: "forbidden", admin: "allow" },
  },
  "routes/communities.$slug.tsx": {
    what: "start a thread in a closed community",
    request: (f) => ({ path: `/communities/${f.community.closedSlug}`, params: { slug: f.community.closedSlug }, form: { intent: "thread", title: "Тема матрицы", bodyText: "Текст темы", clientId: `matrix-${Math.random().toString(36).slice(2, 12)}` } }),
    expect: { guest: "login", member: "forbidden", schoolAdminOwn: "forbidden", schoolAdminForeign: "forbidden", coordinatorOwn: "allow", coordinatorForeign: "forbidden", admin: "allow" },
  },
  "routes/communities.$slug.members.tsx": {
    what: "decide a join request of a closed community",
    request: (f) => ({ path: `/communities/${f.community.closedSlug}/members`, params: { slug: f.community.closedSlug }, form: { intent: "decide", userId: f.community.applicantId, decision: "decline", reason: "проверка матрицы" } }),
    expect: { guest: "login", member: "forbidden", schoolAdminOwn: "forbidden", schoolAdminForeign: "forbidden", coordinatorOwn: "allow", coordinatorForeign: "forbidden", admin: "allow" },
  },
  "routes/directory.requests.tsx": {
    what: "decide a school-administrator request",
    request: (f) => ({ path: "/directory/requests", form: { intent: "decide", requestId: f.roleRequestId, decision: "decline", reason: "проверка матрицы" } }),
    expect: { guest: "login", member: "forbidden", schoolAdminOwn: "forbidden", schoolAdminForeign: "forbidden", coordinatorOwn: "allow", coordinatorForeign: "forbidden", admin: "allow" },
  },
  "routes/threads.$id.tsx": {
    what: "reply in a closed community's thread",
    request: (f) => ({ path: `/threads/${f.community.closedThreadId}`, params: { id: f.community.closedThreadId }, form: { intent: "reply", clientId: `matrix-${Math.random().toString(36).slice(2, 12)}`, bodyText: "Ответ матрицы" } }),
    expect: { ...same("forbidden"), guest: "login", coordinatorOwn: "allow", admin: "allow" },
  },
  "routes/moderation.tsx": {
    what: "decide a report in a closed community",
    request: (f) => ({ path: "/moderation", form: { reportId: f.discussion.reportId, decision: "dismiss", reason: "проверка матрицы" } }),
    expect: { ...same("forbidden"), guest: "login", coordinatorOwn: "allow", admin: "allow" },
  },
  "routes/partnerships.new.tsx": {
    what: "propose a partnership of two schools of Забайкальский край",
    request: (f) => ({ path: "/partnerships/new", form: { leaderOrgId: f.school.id, partnerOrgId: f.partnership.freePartnerId, goals: "Матрица" } }),
    expect: { guest: "login", member: "forbidden", schoolAdminOwn: "allow", schoolAdminForeign: "forbidden", coordinatorOwn: "allow", coordinatorForeign: "forbidden", admin: "allow" },
  },
  "routes/partnerships.$id.tsx": {
    what: "start a thread in a partnership's private workspace",
    request: (f) => ({ path: `/partnerships/${f.partnership.id}`, params: { id: f.partnership.id }, form: { intent: "thread", title: "Тема матрицы", bodyText: "Текст темы", clientId: `matrix-${Math.random().toString(36).slice(2, 12)}` } }),
    expect: { guest: "login", member: "forbidden", schoolAdminOwn: "allow", schoolAdminForeign: "forbidden", coordinatorOwn: "allow", coordinatorForeign: "forbidden", admin: "allow" },
  },
  "routes/partnerships.$id.files.tsx": {
    what: "upload a file to a partnership's private workspace",
    request: (f) => ({ path: `/partnerships/${f.partnership.id}/files`, params: { id: f.partnership.id }, form: { file: new File(["%PDF-1.4\n%%EOF\n"], "plan.pdf", { type: "application/pdf" }) } }),
    expect: { guest: "login", member: "forbidden", schoolAdminOwn: "allow", schoolAdminForeign: "forbidden", coordinatorOwn: "allow", coordinatorForeign: "forbidden", admin: "allow" },
  },
  "routes/organisations.$id.strengths.tsx": {
    what: "declare a school's strengths",
    request: (f) => ({ path: `/organisations/${f.school.id}/strengths`, params: { id: f.school.id }, form: { topics: "mentoring" } }),
    expect: { guest: "login", member: "forbidden", schoolAdminOwn: "allow", schoolAdminForeign: "forbidden", coordinatorOwn: "allow", coordinatorForeign: "forbidden", admin: "allow" },
  },
  "routes/plans.new.tsx": {
    what: "start a roadmap of the partnership",
    request: (f) => ({ path: "/plans/new", form: { ownerKind: "partnership", ownerId: f.partnership.id, title: "Дорожная карта матрицы", schoolYear: "2026/2027", templateId: "partnership-roadmap" } }),
    expect: partnershipPlan,
  },
  "routes/plans.$id.tsx": {
    what: "add a section to the partnership's roadmap",
    request: (f) => ({ path: `/plans/${f.plan.id}`, params: { id: f.plan.id }, form: { intent: "section", number: "9.", title: "Раздел матрицы" } }),
    expect: partnershipPlan,
  },
  "routes/plans.$id.items.$itemId.tsx": {
    what: "change an activity's status in the partnership's roadmap",
    request: (f) => ({ path: `/plans/${f.plan.id}/items/${f.plan.itemId}`, params: { id: f.plan.id, itemId: f.plan.itemId }, form: { intent: "report", actualResult: "Отчёт матрицы", markDone: "no" } }),
    expect: partnershipPlan,
  },
  "routes/plans.$id.items.$itemId.files.tsx": {
    what: "attach an evidence file to an activity of the partnership's roadmap",
    request: (f) => ({ path: `/plans/${f.plan.id}/items/${f.plan.itemId}/files`, params: { id: f.plan.id, itemId: f.plan.itemId }, form: { file: new File(["%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"], "protocol.pdf", { type: "application/pdf" }) } }),
    expect: partnershipPlan,
  },
  "routes/plans.$id.import.tsx": {
    what: "replace the partnership's roadmap from a file (last: it replaces the activity above)",
    request: (f) => ({ path: `/plans/${f.plan.id}/import`, params: { id: f.plan.id }, form: { file: new File(["\ufeff№ п/п;Мероприятие;Срок\r\n1.;Раздел;\r\n1.1;Мероприятие матрицы;май\r\n"], "plan.csv", { type: "text/csv" }) } }),
    expect: partnershipPlan,
  },
  "routes/events.new.tsx": {
    what: "create an event of the institute of Забайкальский край",
    request: (f) => ({ path: "/events/new", form: matrixEventForm(f.event.instituteId, f.chitaRegionId) }),
    expect: { guest: "login", member: "forbidden", schoolAdminOwn: "forbidden", schoolAdminForeign: "forbidden", coordinatorOwn: "allow", coordinatorForeign: "forbidden", admin: "allow" },
  },
  "routes/events.$id.edit.tsx": {
    what: "edit an event of the institute of Забайкальский край",
    request: (f) => ({ path: `/events/${f.event.id}/edit`, params: { id: f.event.id }, form: matrixEventForm(f.event.instituteId, f.chitaRegionId) }),
    expect: { guest: "login", member: "forbidden", schoolAdminOwn: "forbidden", schoolAdminForeign: "forbidden", coordinatorOwn: "allow", coordinatorForeign: "forbidden", admin: "allow" },
  },
  "routes/events.$id.tsx": {
    what: "register for an event for the people of Забайкальский край",
    request: (f) => ({ path: `/events/${f.event.id}`, params: { id: f.event.id }, form: { intent: "register" } }),
    expect: { guest: "login", member: "allow", schoolAdminOwn: "allow", schoolAdminForeign: "forbidden", coordinatorOwn: "allow", coordinatorForeign: "forbidden", admin: "allow" },
  },
  "routes/events.$id.room.tsx": {
    what: "save the materials and recording of an event's live room (its organisers only; participants ask and check in there)",
    request: (f) => ({ path: `/events/${f.event.id}/room`, params: { id: f.event.id }, form: { intent: "materials", recordingUrl: "https://video.example/matrix", materials: "Материалы матрицы" } }),
    expect: { ...same("forbidden"), guest: "login", coordinatorOwn: "allow", admin: "allow" },
  },
  "routes/events.my.tsx": { what: "get one's personal calendar feed", request: () => ({ path: "/events/my", form: { intent: "feed-create" } }), expect: signedIn("allow") },
  "routes/notifications.tsx": { what: "mark all one's notifications read", request: () => ({ path: "/notifications", form: { intent: "read-all" } }), expect: signedIn("allow") },
  "routes/account.notifications.tsx": {
    what: "save one's own e-mail settings per kind of notification",
    request: () => ({ path: "/account/notifications", form: Object.fromEntries(NOTIFICATION_KIND_LIST.map((k) => [k, "immediate"])) }),
    expect: signedIn("allow"),
  },
  // The signed token is the authority (a CSRF exception): anyone holding the link may use it, no session needed.
  "routes/unsubscribe.tsx": { what: "unsubscribe by a signed link from a mail", request: (f) => ({ path: `/unsubscribe?token=${f.unsubscribeToken}`, form: { "List-Unsubscribe": "One-Click" } }), expect: same("allow") },
  "routes/library.new.tsx": {
    what: "save a new practice as a draft",
    request: () => ({ path: "/library/new", form: { kind: "practice", title: "Матрица: новая практика", summary: "Практика для проверки матрицы прав доступа.", bodyText: "Описание практики для проверки матрицы прав доступа.", subjects: "math", gradeBands: "5-9", themes: "formative-assessment" } }),
    expect: signedIn("allow"),
  },
  "routes/library.$id.tsx": { what: "bookmark a published practice", request: (f) => ({ path: `/library/${f.library.publishedId}`, params: { id: f.library.publishedId }, form: { intent: "bookmark" } }), expect: signedIn("allow") },
  "routes/library.$id.edit.tsx": {
    what: "save one's own draft practice (others do not see it)",
    request: (f) => ({ path: `/library/${f.library.draftId}/edit`, params: { id: f.library.draftId }, form: { intent: "save", kind: "case", title: "Матрица: черновик", summary: "Практика для проверки матрицы прав доступа.", bodyText: "Описание практики для проверки матрицы прав доступа.", subjects: "math", gradeBands: "5-9", themes: "formative-assessment", organisationId: f.school.id } }),
    expect: { ...same("forbidden"), guest: "login", member: "allow" },
  },
  "routes/library.$id.files.tsx": {
    what: "attach a file to one's own draft practice",
    request: (f) => ({ path: `/library/${f.library.draftId}/files`, params: { id: f.library.draftId }, form: { file: new File(["%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"], "plan.pdf", { type: "application/pdf" }) } }),
    expect: { ...same("forbidden"), guest: "login", member: "allow" },
  },
  "routes/library.$id.review.tsx": {
    what: "take a submitted practice for review: the region's experts, never an expert of the author's own school (schoolAdminOwn) or the author",
    request: (f) => ({ path: `/library/${f.library.submittedId}/review`, params: { id: f.library.submittedId }, form: { intent: "take" } }),
    expect: { ...same("forbidden"), guest: "login", coordinatorOwn: "allow", admin: "allow" },
  },
};

export interface SocketRow {
  what: string;
  /** The stream the event names, for a persona. */
  stream(f: Fixtures, persona: Persona): string;
  /** For events that run a command: sends it as the persona and says whether it was allowed. */
  send?(f: Fixtures, viewer: Viewer, services: AppServices): Promise<boolean>;
  expect: Record<Persona, Outcome>;
}

const ownStream = (f: Fixtures, p: Persona) => `user:${f.userIds[p] ?? "00000000-0000-4000-8000-000000000000"}`;
const foreignStream = (f: Fixtures) => `user:${f.userIds.member}`;

/** Rows by client socket event (subscribing to and catching up on a stream ask its kind's policy). */
export const SOCKET_MATRIX: Record<string, SocketRow[]> = {
  "stream:subscribe": [
    { what: "follow one's own stream", stream: ownStream, expect: { ...same("allow"), guest: "forbidden" } },
    { what: "follow another person's stream", stream: foreignStream, expect: { ...same("forbidden"), member: "allow" } },
    { what: "follow a thread of a closed community", stream: (f) => `thread:${f.community.closedThreadId}`, expect: { ...same("forbidden"), coordinatorOwn: "allow", admin: "allow" } },
    { what: "follow a closed community's membership stream", stream: (f) => `community:${f.community.closedId}`, expect: { ...same("forbidden"), coordinatorOwn: "allow", admin: "allow" } },
    { what: "follow a partnership's stream", stream: (f) => `partnership:${f.partnership.id}`, expect: { ...same("forbidden"), schoolAdminOwn: "allow", coordinatorOwn: "allow", admin: "allow" } },
    {
      // Sockets run after the routes: the row of routes/events.$id.tsx has registered member, schoolAdminOwn, coordinatorOwn and admin.
      what: "follow an event's live room (participants with a seat and organisers)",
      stream: (f) => `event_room:${f.event.id}`,
      expect: { ...same("forbidden"), member: "allow", schoolAdminOwn: "allow", coordinatorOwn: "allow", admin: "allow" },
    },
    { what: "follow a thread of a partnership's workspace", stream: (f) => `thread:${f.partnership.threadId}`, expect: { ...same("forbidden"), schoolAdminOwn: "allow", coordinatorOwn: "allow", admin: "allow" } },
  ],
  "stream:catchup": [{ what: "catch up on another person's stream", stream: foreignStream, expect: { ...same("forbidden"), member: "allow" } }],
  "stream:unsubscribe": [{ what: "leave a stream (reveals nothing)", stream: foreignStream, expect: same("allow") }],
  "post:create": [
    {
      what: "reply in a closed community's thread over the socket",
      stream: (f) => `thread:${f.community.closedThreadId}`,
      send: async (f, viewer, services) => (await handlePostCreate({ clientId: `matrix-${Math.random().toString(36).slice(2, 12)}`, threadId: f.community.closedThreadId, body: plainTextToDoc("Ответ матрицы") }, viewer, services)).ok,
      expect: { ...same("forbidden"), coordinatorOwn: "allow", admin: "allow" },
    },
    {
      what: "reply in a partnership's workspace thread over the socket",
      stream: (f) => `thread:${f.partnership.threadId}`,
      send: async (f, viewer, services) => (await handlePostCreate({ clientId: `matrix-${Math.random().toString(36).slice(2, 12)}`, threadId: f.partnership.threadId, body: plainTextToDoc("Ответ матрицы") }, viewer, services)).ok,
      expect: { ...same("forbidden"), schoolAdminOwn: "allow", coordinatorOwn: "allow", admin: "allow" },
    },
  ],
  typing: [
    {
      what: "show as typing in a closed community's thread",
      stream: (f) => `thread:${f.community.closedThreadId}`,
      send: (f, viewer, services) => mayAnnounceTyping(viewer, `thread:${f.community.closedThreadId}`, services),
      expect: { ...same("forbidden"), coordinatorOwn: "allow", admin: "allow" },
    },
  ],
};

/**
 * Guarded GET routes (no action, so no row above): the loader runs as each persona. Listed here
 * when a route shows data only some roles may see — the dashboards of a scope.
 */
export const LOADER_MATRIX: Record<string, RouteRow[]> = {
  "routes/dashboard/index.tsx": [
    { what: "read Забайкальский край's dashboard", request: (f) => ({ path: `/dashboard?scope=region:${f.chitaRegionId}`, form: {} }), expect: { ...signedIn("forbidden"), coordinatorOwn: "allow", admin: "allow" } },
    { what: "read a school's own dashboard", request: (f) => ({ path: `/dashboard?scope=school:${f.school.id}`, form: {} }), expect: { ...signedIn("forbidden"), schoolAdminOwn: "allow", coordinatorOwn: "allow", admin: "allow" } },
    { what: "read the whole platform's dashboard", request: () => ({ path: "/dashboard?scope=platform", form: {} }), expect: { ...signedIn("forbidden"), admin: "allow" } },
  ],
  "routes/dashboard/export.tsx": [
    { what: "download Забайкальский край's dashboard tables", request: (f) => ({ path: `/dashboard/export?scope=region:${f.chitaRegionId}&table=indicators&format=csv`, form: {} }), expect: { ...signedIn("forbidden"), coordinatorOwn: "allow", admin: "allow" } },
  ],
};

/** Route files of the app that export an action (read from the app's own route config). */
export async function mutatingRoutesOfApp(): Promise<string[]> {
  const files: string[] = [];
  const walk = (entries: readonly { file: string; children?: readonly unknown[] }[]) => {
    for (const e of entries) {
      files.push(e.file);
      if (e.children) walk(e.children as { file: string }[]);
    }
  };
  walk(routes);
  const mutating: string[] = [];
  for (const file of files) {
    const mod = (await import(`../../app/${file}`)) as { action?: unknown };
    if (typeof mod.action === "function") mutating.push(file);
  }
  return mutating;
}

/** Mutating routes and socket events that have no row in the matrix. */
export function unlisted(routeFiles: readonly string[], events: readonly string[] = CLIENT_EVENTS): string[] {
  return [...routeFiles.filter((f) => !ROUTE_MATRIX[f]), ...events.filter((e) => !SOCKET_MATRIX[e])];
}
