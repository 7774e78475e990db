import { eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../tests/setup/database.ts";
import type { DatabaseHandle } from "../client.ts";
import { practiceAttachments, practiceReviews, practices, practiceVersions } from "../schema/index.ts";
import { memoryFileStorage } from "../../app/features/library/storage.server.ts";
import { checkUpload } from "../../app/features/library/uploads.server.ts";
import { seedLibrary } from "./library.ts";
import { PRACTICE_SEEDS } from "./data/library.ts";

describe("demo library", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  it("has at least 40 practices across subjects and themes, each published one with an accepting review; attachments are real files", { timeout: 60_000 }, async () => {
    expect(PRACTICE_SEEDS.length).toBeGreaterThanOrEqual(40);
    // The template already ran the seed with the default storage; a second run changes nothing.
    const files = memoryFileStorage();
    expect(await seedLibrary(handle.db, new Date(), files)).toBe(PRACTICE_SEEDS.length);
    expect(files.keys()).toEqual([]);
    const published = await handle.db.select().from(practices).where(isNotNull(practices.publishedVersionId));
    expect(published.length).toBeGreaterThanOrEqual(40);
    expect(new Set(published.flatMap((p) => p.themes)).size).toBeGreaterThanOrEqual(12);
    expect(new Set(published.flatMap((p) => p.subjects)).size).toBeGreaterThanOrEqual(10);
    for (const p of published) {
      const reviews = await handle.db.select().from(practiceReviews).where(eq(practiceReviews.versionId, p.publishedVersionId!));
      expect(reviews.map((r) => r.status)).toContain("accepted");
    }
    const statuses = (await handle.db.select({ status: practiceVersions.status }).from(practiceVersions)).map((v) => v.status);
    expect(statuses).toEqual(expect.arrayContaining(["draft", "submitted", "returned"]));
    expect((await handle.db.select().from(practiceAttachments)).length).toBeGreaterThanOrEqual(8);
  });

  it("generates attachments that pass the upload checks", { timeout: 180_000 }, async () => {
    const files = memoryFileStorage();
    const fresh = await createTestDatabase();
    try {
      await fresh.db.delete(practices);
      await seedLibrary(fresh.db, new Date(), files);
      const rows = await fresh.db.select().from(practiceAttachments);
      expect(rows.length).toBe(PRACTICE_SEEDS.filter((p) => p.file).length);
      for (const r of rows) expect(await checkUpload(r.originalName, (await files.get(r.storageKey))!)).toMatchObject({ ok: true, extension: r.extension });
    } finally {
      await fresh.close();
    }
  });
});
