import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../tests/setup/database.ts";
import { acquirePgliteLock, openDatabase, queryRows, type DatabaseHandle } from "./client.ts";
import { municipalities, regions } from "./schema/index.ts";
import { russianSortKey } from "../app/utils/text.ts";

describe("the database on this engine", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  it("runs the engine the run asked for", () => {
    expect(handle.engine).toBe(process.env.DATABASE_URL ? "postgres" : "pglite");
  });

  it("has pg_trgm and the russian text search configuration", async () => {
    const [row] = await queryRows<{ sim: number; lexemes: string }>(
      handle.db,
      sql`select similarity('оценивание', 'оценивания') as sim, to_tsvector('russian', 'оценивания учеников')::text as lexemes`,
    );
    expect(row!.sim).toBeGreaterThan(0.5);
    expect(row!.lexemes).toContain("оценива");
    const [match] = await queryRows<{ ok: boolean }>(
      handle.db,
      sql`select to_tsvector('russian', 'формирующее оценивание') @@ websearch_to_tsquery('russian', 'оценивания') as ok`,
    );
    expect(match!.ok).toBe(true);
  });

  it("sorts Russian names as a Russian reader expects through the stored sort key", async () => {
    const [region] = await handle.db.select({ id: regions.id }).from(regions).limit(1);
    const names = ["Ёлкинский", "Жуковский", "Егорьевский", "Абанский", "яблоневый", "Ельнинский", "Smolensk"];
    await handle.db.insert(municipalities).values(names.map((name) => ({ regionId: region!.id, name: `Тест ${name}`, nameSort: russianSortKey(`Тест ${name}`) })));
    const rows = await handle.db
      .select({ name: municipalities.name })
      .from(municipalities)
      .where(sql`${municipalities.name} like 'Тест %'`)
      .orderBy(municipalities.nameSort);
    expect(rows.map((r) => r.name.slice(5))).toEqual(["Абанский", "Егорьевский", "Ёлкинский", "Ельнинский", "Жуковский", "яблоневый", "Smolensk"]);
  });

  it("rolls a failed transaction back completely", async () => {
    const before = await handle.db.$count(regions);
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.insert(regions).values({ code: "99", name: "Временный", nameSort: "временный", timeZone: "Europe/Moscow", capital: "Москва" });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await handle.db.$count(regions)).toBe(before);
  });
});

describe("the PGlite data folder lock", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "most-lock-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("makes a second opener of the same folder fail loudly", async () => {
    const first = await openDatabase({ dataDir: dir });
    try {
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/already open in process \d+/);
    } finally {
      await first.close();
    }
    const again = await openDatabase({ dataDir: dir });
    await again.close();
  });

  it("takes over the lock of a process that died", () => {
    fs.writeFileSync(path.join(dir, "most.pid"), "999999999");
    const release = acquirePgliteLock(dir);
    expect(fs.readFileSync(path.join(dir, "most.pid"), "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, "most.pid"))).toBe(false);
  });
});
