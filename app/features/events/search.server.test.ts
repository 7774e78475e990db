import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../tests/setup/database.ts";
import { createTestServices, type TestServices } from "../../../tests/setup/services.ts";
import { bodyOf, eventInput, makeStaff, viewerOfUser } from "../../../tests/factories/events.ts";
import type { DatabaseHandle } from "../../../db/client.ts";
import { GUEST } from "../accounts/viewer.server.ts";
import { viewerGrants } from "../search/grants.server.ts";
import { syncSearch, type IndexerDeps } from "../search/indexer.server.ts";
import { createPostgresProvider } from "../search/postgres.server.ts";
import { cancelEvent, createEvent } from "./commands.server.ts";
import { viewerFacts } from "./queries.server.ts";

describe("events in the search", () => {
  let handle: DatabaseHandle & { url?: string };
  let s: TestServices;
  let deps: IndexerDeps;
  beforeAll(async () => {
    handle = await createTestDatabase();
    s = await createTestServices(handle, { runJobs: false });
    deps = { db: handle.db, provider: createPostgresProvider(handle.db), now: new Date("2026-11-24T08:00:00Z") };
  });
  afterAll(async () => {
    await s.stop();
    await handle.close();
  });

  it("a created event is found by a Russian word form after the sync; a cancelled one says so", async () => {
    const institute = await bodyOf(handle.db, "75", "institute");
    const viewer = await viewerOfUser(handle.db, await makeStaff(handle.db, institute));
    const facts = await viewerFacts(handle.db, viewer);
    const created = await createEvent(s, viewer, facts, eventInput(institute, { title: "Наставничество молодых педагогов сельских школ" }));
    if (!created.ok) throw new Error(created.error);
    await syncSearch(deps);
    const find = async (q: string) => (await deps.provider.search(q, await viewerGrants(handle.db, GUEST), { perPage: 20 })).hits.filter((h) => h.refId === created.id);
    expect(await find("наставничеству")).toHaveLength(1);
    await cancelEvent(s, viewer, facts, created.id);
    await syncSearch(deps);
    const [hit] = await find("наставничество");
    expect(hit?.url).toBe(`/events/${created.id}`);
  });
});
