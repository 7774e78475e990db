/**
 * Loads the demo communities with their members, join requests, threads and replies
 * (idempotent: a community whose slug exists is left as it is, content included).
 *
 * Threads are stored straight into the discussion tables: the posting commands throttle each
 * person to a burst of messages a minute, which a seed would hit. Bodies go through the same
 * allowlist and renderer as the commands, so they are exactly what a person could have posted.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { communities, communityFollows, communityMembers, consents, municipalities, organisations, posts, profiles, regions, staffMemberships, threads, users } from "../schema/index.ts";
import { hashPassword } from "../../app/features/accounts/crypto.server.ts";
import { PERSONAL_DATA_CONSENT } from "../../app/features/accounts/consent.ts";
import { PUBLIC_PROFILE_CONSENT, type PublicField } from "../../app/features/profiles/fields.ts";
import { parseRichText, type RichDoc, type RichNode } from "../../app/features/discussions/rich-text/document.ts";
import { renderRichText } from "../../app/features/discussions/rich-text/render.server.ts";
import { russianSortKey } from "../../app/utils/text.ts";
import { DEMO_PASSWORD } from "./people.ts";
import { COMMUNITIES, COMMUNITY_PEOPLE, type CommunitySeed, type PostSeed } from "./data/communities.ts";

const DAY = 86_400_000;
const PUBLIC: PublicField[] = ["name", "position", "organisation", "subjects"];

const text = (t: string): RichNode => ({ type: "text", text: t });
const paragraph = (t: string): RichNode => ({ type: "paragraph", content: [text(t)] });

/** The seed's light markup as a document: "## " headings, "- " bullet lists, paragraphs. */
export function seedTextToDoc(source: string): RichDoc {
  const content: RichNode[] = [];
  for (const block of source.split(/\n\s*\n/)) {
    const lines = block.split("\n").filter((l) => l.trim() !== "");
    if (lines.length === 0) continue;
    if (lines[0]!.startsWith("## ")) content.push({ type: "heading", attrs: { level: 2 }, content: [text(lines[0]!.slice(3))] });
    else if (lines.every((l) => l.startsWith("- "))) content.push({ type: "bulletList", content: lines.map((l) => ({ type: "listItem", content: [paragraph(l.slice(2))] })) });
    else content.push(paragraph(lines.join(" ")));
  }
  const parsed = parseRichText({ type: "doc", content });
  if (!parsed.ok) throw new Error(`Demo post refused by the allowlist: ${parsed.error}`);
  return parsed.doc;
}

/** The demo teachers of the communities: confirmed accounts with a public card and a confirmed place of work. */
async function seedCommunityPeople(ex: Executor, now: Date) {
  const existing = new Set((await ex.select({ email: users.email }).from(users).where(inArray(users.email, COMMUNITY_PEOPLE.map((p) => p.email)))).map((u) => u.email));
  const missing = COMMUNITY_PEOPLE.filter((p) => !existing.has(p.email));
  if (missing.length === 0) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const orgs = new Map((await ex.select({ id: organisations.id, inn: organisations.inn }).from(organisations).where(inArray(organisations.inn, missing.map((p) => p.inn)))).map((o) => [o.inn, o.id]));
  for (const person of missing) {
    const [consent] = await ex.insert(consents).values({ document: PERSONAL_DATA_CONSENT.document, version: PERSONAL_DATA_CONSENT.version, givenAt: now }).returning({ id: consents.id });
    const [user] = await ex.insert(users).values({ email: person.email, name: person.name, passwordHash, consentId: consent!.id, emailVerifiedAt: now, createdAt: now }).returning({ id: users.id });
    await ex.update(consents).set({ userId: user!.id }).where(eq(consents.id, consent!.id));
    const organisationId = orgs.get(person.inn) ?? null;
    await ex.insert(profiles).values({ userId: user!.id, nameSort: russianSortKey(person.name), position: person.position, organisationId, subjects: person.subjects ?? [], publicFields: PUBLIC, updatedAt: now });
    await ex.insert(consents).values({ userId: user!.id, document: PUBLIC_PROFILE_CONSENT.document, version: PUBLIC_PROFILE_CONSENT.version, givenAt: now, fields: PUBLIC });
    if (organisationId) await ex.insert(staffMemberships).values({ userId: user!.id, organisationId, position: person.position, status: "confirmed", requestedAt: now, decidedAt: now });
  }
}

async function seedThreads(ex: Executor, c: CommunitySeed, communityId: string, userIds: Map<string, string>, now: Date): Promise<Date | null> {
  let latest: Date | null = null;
  for (const [t, thread] of (c.threads ?? []).entries()) {
    const at = (p: PostSeed, i: number) => new Date(now.getTime() - p.daysAgo * DAY + (i * 37 + t * 11) * 60_000);
    const first = thread.posts[0]!;
    const last = thread.posts.at(-1)!;
    const lastAt = at(last, thread.posts.length - 1);
    const [row] = await ex
      .insert(threads)
      .values({ ownerKind: "community", ownerId: communityId, title: thread.title, authorId: userIds.get(first.by)!, pinned: thread.pinned ?? false, postCount: thread.posts.length, lastPostSeq: thread.posts.length, createdAt: at(first, 0), lastActivityAt: lastAt })
      .returning({ id: threads.id });
    for (const [i, p] of thread.posts.entries()) {
      const doc = seedTextToDoc(p.text);
      await ex.insert(posts).values({ threadId: row!.id, seq: i + 1, authorId: userIds.get(p.by)!, body: doc as unknown as Record<string, unknown>, bodyHtml: renderRichText(doc), clientId: `seed-${c.slug}-${t}-${i}`.slice(0, 64), createdAt: at(p, i) });
    }
    if (!latest || lastAt > latest) latest = lastAt;
  }
  return latest;
}

/** Loads the demo communities; returns how many the demo has. */
export async function seedCommunities(ex: Executor, now: Date): Promise<number> {
  await seedCommunityPeople(ex, now);
  const present = new Set((await ex.select({ slug: communities.slug }).from(communities).where(inArray(communities.slug, COMMUNITIES.map((c) => c.slug)))).map((r) => r.slug));
  const emails = [...new Set(COMMUNITIES.flatMap((c) => [c.owner, ...(c.moderators ?? []), ...c.members, ...(c.requests ?? []).map((r) => r.by), ...(c.threads ?? []).flatMap((t) => t.posts.map((p) => p.by))]))];
  const userIds = new Map((await ex.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails))).map((u) => [u.email, u.id]));
  const missingPeople = emails.filter((e) => !userIds.has(e));
  if (missingPeople.length) throw new Error(`Demo communities name unknown people: ${missingPeople.join(", ")}`);
  const regionIds = new Map((await ex.select({ id: regions.id, code: regions.code }).from(regions)).map((r) => [r.code, r.id]));
  const created = new Date(now.getTime() - 60 * DAY);
  for (const c of COMMUNITIES) {
    if (present.has(c.slug)) continue;
    const regionId = c.regionCode ? regionIds.get(c.regionCode)! : null;
    const [municipality] = c.municipality && regionId ? await ex.select({ id: municipalities.id }).from(municipalities).where(and(eq(municipalities.regionId, regionId), eq(municipalities.name, c.municipality))) : [];
    const [row] = await ex
      .insert(communities)
      .values({ slug: c.slug, name: c.name, nameSort: russianSortKey(c.name), description: c.description, kind: c.kind, subjectCode: c.subjectCode ?? null, topicCode: c.topicCode ?? null, scope: c.scope, regionId, municipalityId: municipality?.id ?? null, visibility: c.visibility, createdBy: userIds.get(c.owner)!, createdAt: created, lastActivityAt: created })
      .returning({ id: communities.id });
    const id = row!.id;
    const roles = new Map<string, "owner" | "moderator" | "member">();
    for (const e of c.members) roles.set(e, "member");
    for (const e of c.moderators ?? []) roles.set(e, "moderator");
    roles.set(c.owner, "owner");
    for (const [email, role] of roles) {
      const userId = userIds.get(email)!;
      await ex.insert(communityMembers).values({ communityId: id, userId, role, status: "active", requestedAt: created, joinedAt: created, decidedBy: userIds.get(c.owner)!, decidedAt: created });
      await ex.insert(communityFollows).values({ communityId: id, userId, at: created });
    }
    for (const r of c.requests ?? []) {
      await ex.insert(communityMembers).values({ communityId: id, userId: userIds.get(r.by)!, role: "member", status: "requested", requestNote: r.note, requestedAt: new Date(now.getTime() - 2 * DAY) });
    }
    const latest = await seedThreads(ex, c, id, userIds, now);
    await ex.update(communities).set({ memberCount: roles.size, lastActivityAt: latest && latest > created ? latest : created }).where(eq(communities.id, id));
  }
  return COMMUNITIES.length;
}
