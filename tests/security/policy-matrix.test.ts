import { eq } from "drizzle-orm";
import { RouterContextProvider } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../setup/database.ts";
import { createTestServices, type TestServices } from "../setup/services.ts";
import { makeMatrixEvent } from "../factories/events.ts";
import { makeMatrixPartnership } from "../factories/partnerships.ts";
import { makeMatrixPlan } from "../factories/plans.ts";
import { libraryMatrixFixtures } from "../factories/library.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { communities, communityMembers, postReports, posts, threads, consents, organisations, roleGrants, roleRequests, schoolImports, staffMemberships, users } from "../../db/schema/index.ts";
import { requestContext, servicesContext } from "../../app/services.server.ts";
import { resolveViewer, viewerContext, type Viewer } from "../../app/features/accounts/viewer.server.ts";
import { createSession, SESSION_COOKIE } from "../../app/features/accounts/sessions.server.ts";
import { canReadStream } from "../../server/realtime/hub.ts";
import { LOADER_MATRIX, mutatingRoutesOfApp, PERSONAS, ROUTE_MATRIX, SOCKET_MATRIX, unlisted, type Fixtures, type Outcome, type Persona } from "./matrix.ts";
import { signUnsubscribeToken, unsubscribeKey } from "../../app/features/notifications/unsubscribe-token.server.ts";

const EMAILS: Record<Exclude<Persona, "guest" | "schoolAdminForeign">, string> = {
  member: "teacher.math@most.example",
  schoolAdminOwn: "director.shilka@most.example",
  coordinatorOwn: "coordinator.chita@most.example",
  coordinatorForeign: "coordinator.tula@most.example",
  admin: "admin@most.example",
};

function classify(value: unknown): Outcome {
  const status = value instanceof Response ? value.status : ((value as { init?: { status?: number } })?.init?.status ?? 200);
  if (value instanceof Response && status >= 300 && status < 400) {
    const location = value.headers.get("Location") ?? "";
    if (location.startsWith("/login")) return "login";
    if (location === "/account") return "guestOnly";
  }
  return status === 403 || status === 404 ? "forbidden" : "allow";
}

describe("the policy matrix", () => {
  let handle: DatabaseHandle & { url?: string };
  let s: TestServices;
  let fixtures: Fixtures;
  const viewers = {} as Record<Persona, Viewer>;

  beforeAll(async () => {
    handle = await createTestDatabase();
    s = await createTestServices(handle, { runJobs: false });
    const now = s.clock.now();
    const [school] = await handle.db.select().from(organisations).where(eq(organisations.inn, "7527090027"));
    const [tulaSchool] = (await handle.db.select().from(organisations).where(eq(organisations.kind, "school"))).filter((o) => o.inn?.startsWith("71"));
    // A school administrator of another school (Тульская область).
    const [consent] = await handle.db.insert(consents).values({ document: "personal_data_processing", version: "2026-11-01", givenAt: now }).returning();
    const [foreignAdmin] = await handle.db.insert(users).values({ email: "foreign.admin@school.example", name: "Чужой Директор", passwordHash: "x", consentId: consent!.id, emailVerifiedAt: now, createdAt: now }).returning();
    await handle.db.insert(roleGrants).values({ userId: foreignAdmin!.id, role: "school_admin", scopeType: "organisation", scopeId: tulaSchool!.id, grantedAt: now });
    const ids: Record<string, string | null> = { guest: null, schoolAdminForeign: foreignAdmin!.id };
    for (const [persona, email] of Object.entries(EMAILS)) ids[persona] = (await handle.db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
    // Before the sessions: it grants the expert role to schoolAdminOwn and coordinatorOwn.
    const library = await libraryMatrixFixtures(handle.db, ids as { member: string; schoolAdminOwn: string; coordinatorOwn: string }, school!, now);
    for (const persona of PERSONAS) {
      const id = ids[persona];
      if (!id) {
        viewers[persona] = await resolveViewer(null, handle.db, now);
        continue;
      }
      const session = await createSession(handle.db, id, "matrix", now);
      viewers[persona] = await resolveViewer(`${SESSION_COOKIE}=${session.token}`, handle.db, now);
    }
    const [membership] = await handle.db.insert(staffMemberships).values({ userId: ids.member!, organisationId: school!.id, position: "учитель", status: "requested", requestedAt: now }).returning();
    const [roleRequest] = await handle.db.insert(roleRequests).values({ userId: ids.member!, role: "school_admin", scopeType: "organisation", scopeId: school!.id, status: "requested", requestedAt: now, reason: "матрица" }).returning();
    const [upload] = await handle.db
      .insert(schoolImports)
      .values({ regionId: school!.regionId, schoolYear: "2026/2027", fileName: "matrix.csv", file: new TextEncoder().encode("ИНН\n"), status: "rejected", errors: ["матрица"], createdBy: ids.coordinatorOwn!, createdAt: now })
      .returning();
    const [closed] = await handle.db
      .insert(communities)
      .values({ slug: "matrix-closed", name: "Закрытое сообщество матрицы", nameSort: "закрытое сообщество матрицы", description: "Проверка матрицы.", kind: "role", scope: "regional", regionId: school!.regionId, visibility: "closed", createdBy: ids.coordinatorOwn!, createdAt: now, lastActivityAt: now, memberCount: 1 })
      .returning();
    await handle.db.insert(communityMembers).values([
      { communityId: closed!.id, userId: ids.coordinatorOwn!, role: "owner", status: "active", requestedAt: now, joinedAt: now },
      { communityId: closed!.id, userId: foreignAdmin!.id, role: "member", status: "requested", requestedAt: now },
    ]);
    const [closedThread] = await handle.db.insert(threads).values({ ownerKind: "community", ownerId: closed!.id, title: "Тема закрытого сообщества", authorId: ids.coordinatorOwn!, createdAt: now, lastActivityAt: now }).returning();
    const community = { closedId: closed!.id, closedSlug: closed!.slug, closedThreadId: closedThread!.id, applicantId: foreignAdmin!.id };
    const [closedPost] = await handle.db.insert(posts).values({ threadId: closedThread!.id, seq: 1, authorId: ids.coordinatorOwn!, body: { type: "doc", content: [] }, bodyHtml: "<p>Матрица</p>", clientId: "matrix-opening", createdAt: now }).returning();
    await handle.db.update(threads).set({ postCount: 1, lastPostSeq: 1 }).where(eq(threads.id, closedThread!.id));
    const [report] = await handle.db.insert(postReports).values({ postId: closedPost!.id, ownerKind: "community", ownerId: closed!.id, reporterId: foreignAdmin!.id, reason: "матрица", createdAt: now }).returning();
    const discussion = { postId: closedPost!.id, reportId: report!.id };
    const partnership = await makeMatrixPartnership(handle.db, { leaderOrgId: school!.id, authorId: ids.coordinatorOwn! });
    const event = await makeMatrixEvent(handle.db);
    const plan = await makeMatrixPlan(handle.db, partnership.id, school!.regionId);
    // A genuine unsubscribe link of member's: the token alone authorises it, whoever sends it.
    const unsubscribeToken = signUnsubscribeToken(await unsubscribeKey(handle.db, s, now), { userId: ids.member!, scope: "community_thread", issuedAt: now });
    fixtures = { school: { id: school!.id }, membershipId: membership!.id, roleRequestId: roleRequest!.id, chitaRegionId: school!.regionId, importId: upload!.id, userIds: ids as Fixtures["userIds"], community, discussion, partnership, event, library, plan, unsubscribeToken };
  });
  afterAll(async () => {
    await s.stop();
    await handle.close();
  });

  it("has a row for every mutating route of the app and every client socket event", async () => {
    const routes = await mutatingRoutesOfApp();
    expect(routes.length).toBeGreaterThan(5);
    expect(unlisted(routes)).toEqual([]);
  });

  it("notices a mutating route or socket event that has no row (a test of the test)", async () => {
    const routes = await mutatingRoutesOfApp();
    const missing = unlisted([...routes, "routes/secret-new-action.tsx"], ["stream:subscribe", "thread:post"]);
    expect(missing).toContain("routes/secret-new-action.tsx");
    expect(missing).toContain("thread:post");
    expect(missing).not.toContain("stream:subscribe");
  });

  for (const [file, row] of Object.entries(ROUTE_MATRIX)) {
    for (const persona of PERSONAS) {
      it(`${file} (${row.what}) as ${persona}: ${row.expect[persona]}`, { timeout: 10_000 }, async () => {
        const mod = (await import(`../../app/${file}`)) as { action: (args: unknown) => Promise<unknown> };
        const { path, params, form } = row.request(fixtures);
        const context = new RouterContextProvider();
        context.set(servicesContext, s);
        context.set(requestContext, { nonce: "", requestId: "matrix", ip: `10.99.${PERSONAS.indexOf(persona)}.${Math.floor(Math.random() * 250) + 1}` });
        context.set(viewerContext, viewers[persona]);
        const hasFile = Object.values(form).some((v) => v instanceof File);
        const body = hasFile ? Object.entries(form).reduce((fd, [k, v]) => (fd.append(k, v), fd), new FormData()) : new URLSearchParams(form as Record<string, string>);
        const request = new Request(`http://localhost${path}`, { method: "POST", body, headers: { "User-Agent": "matrix" } });
        let outcome: Outcome;
        try {
          outcome = classify(await mod.action({ request, params: params ?? {}, context }));
        } catch (thrown) {
          outcome = classify(thrown);
          if (!(thrown instanceof Response) && !(thrown as { init?: unknown })?.init) throw thrown;
        }
        expect(outcome).toBe(row.expect[persona]);
      });
    }
  }

  for (const [file, rows] of Object.entries(LOADER_MATRIX)) {
    for (const row of rows) {
      for (const persona of PERSONAS) {
        it(`GET ${file} (${row.what}) as ${persona}: ${row.expect[persona]}`, { timeout: 20_000 }, async () => {
          const mod = (await import(`../../app/${file}`)) as { loader: (args: unknown) => Promise<unknown> };
          const context = new RouterContextProvider();
          context.set(servicesContext, s);
          context.set(requestContext, { nonce: "", requestId: "matrix", ip: "10.98.0.1" });
          context.set(viewerContext, viewers[persona]);
          const request = new Request(`http://localhost${row.request(fixtures).path}`, { headers: { "User-Agent": "matrix" } });
          let outcome: Outcome;
          try {
            outcome = classify(await mod.loader({ request, params: {}, context }));
          } catch (thrown) {
            outcome = classify(thrown);
            if (!(thrown instanceof Response) && !(thrown as { init?: unknown })?.init) throw thrown;
          }
          expect(outcome).toBe(row.expect[persona]);
        });
      }
    }
  }

  for (const [event, rows] of Object.entries(SOCKET_MATRIX)) {
    for (const row of rows) {
      for (const persona of PERSONAS) {
        it(`socket ${event} (${row.what}) as ${persona}: ${row.expect[persona]}`, async () => {
          const allowed = row.send ? await row.send(fixtures, viewers[persona], s) : event === "stream:unsubscribe" ? true : await canReadStream(viewers[persona], row.stream(fixtures, persona), s);
          expect(allowed ? "allow" : "forbidden").toBe(row.expect[persona]);
        });
      }
    }
  }
});
