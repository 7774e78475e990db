/** Test factories for communities: people, viewers and communities with overridable fields. */
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { communities, communityMembers } from "../../db/schema/index.ts";
import { russianSortKey } from "../../app/utils/text.ts";

const unique = () => crypto.randomBytes(4).toString("hex");

export { makePerson, viewerOfUser } from "./people.ts";

/** A community inserted directly (no policy), with an optional owner and members. */
export async function makeCommunity(
  ex: Executor,
  over: Partial<typeof communities.$inferInsert> & { ownerId?: string; members?: Array<{ userId: string; role?: "member" | "moderator" | "owner"; status?: "requested" | "active" | "left" | "declined" }> } = {},
) {
  const now = new Date("2026-11-01T00:00:00Z");
  const { ownerId, members = [], ...fields } = over;
  const name = fields.name ?? `Тестовое сообщество ${unique()}`;
  const [row] = await ex
    .insert(communities)
    .values({ slug: `test-${unique()}`, name, nameSort: russianSortKey(name), description: "Сообщество для проверок.", kind: "thematic", scope: "interregional", visibility: "open", createdAt: now, lastActivityAt: now, ...fields })
    .returning();
  const all = [...(ownerId ? [{ userId: ownerId, role: "owner" as const, status: "active" as const }] : []), ...members];
  for (const m of all) {
    const status = m.status ?? "active";
    await ex.insert(communityMembers).values({ communityId: row!.id, userId: m.userId, role: m.role ?? "member", status, requestedAt: now, joinedAt: status === "active" ? now : null });
  }
  const active = all.filter((m) => (m.status ?? "active") === "active").length;
  if (active) await ex.update(communities).set({ memberCount: active }).where(eq(communities.id, row!.id));
  return { ...row!, memberCount: active };
}
