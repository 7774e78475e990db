/**
 * The policy matrix: every mutating route (a route module with an `action`) and every socket event
 * a client may send, each with who may do it. `routesOfApp()` reads the route list from the app
 * itself, so a new mutating route without a row fails the matrix test.
 */
import routes from "../../app/routes.ts";
import { CLIENT_EVENTS } from "../../server/realtime/protocol.ts";

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
  "routes/directory.requests.tsx": {
    what: "decide a school-administrator request",
    request: (f) => ({ path: "/directory/requests", form: { intent: "decide", requestId: f.roleRequestId, decision: "decline", reason: "проверка матрицы" } }),
    expect: { guest: "login", member: "forbidden", schoolAdminOwn: "forbidden", schoolAdminForeign: "forbidden", coordinatorOwn: "allow", coordinatorForeign: "forbidden", admin: "allow" },
  },
};

export interface SocketRow {
  what: string;
  /** The stream the event names, for a persona. */
  stream(f: Fixtures, persona: Persona): string;
  expect: Record<Persona, Outcome>;
}

const ownStream = (f: Fixtures, p: Persona) => `user:${f.userIds[p] ?? "00000000-0000-4000-8000-000000000000"}`;
const foreignStream = (f: Fixtures) => `user:${f.userIds.member}`;

/** Rows by client socket event (subscribing to and catching up on a stream ask its kind's policy). */
export const SOCKET_MATRIX: Record<string, SocketRow[]> = {
  "stream:subscribe": [
    { what: "follow one's own stream", stream: ownStream, expect: { ...same("allow"), guest: "forbidden" } },
    { what: "follow another person's stream", stream: foreignStream, expect: { ...same("forbidden"), member: "allow" } },
  ],
  "stream:catchup": [{ what: "catch up on another person's stream", stream: foreignStream, expect: { ...same("forbidden"), member: "allow" } }],
  "stream:unsubscribe": [{ what: "leave a stream (reveals nothing)", stream: foreignStream, expect: same("allow") }],
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
