/** Who hears about a new or edited post: the thread's author, the quoted author, the mentioned. */
import { inArray } from "drizzle-orm";
import type { Tx } from "../../../db/client.ts";
import { users } from "../../../db/schema/index.ts";
import type { AppServices } from "../../services.server.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { notify } from "../notifications/commands.server.ts";
import { loadPeople } from "../profiles/people.server.ts";
import { HIDDEN_PERSON_NAME } from "../profiles/fields.ts";
import { discussionOwner } from "./owners.server.ts";
import { ownerAccess, viewerForUser } from "./policy.server.ts";
import { postPath } from "./paths.ts";
import { excerpt, type RichDoc } from "./rich-text/document.ts";

export type NotifyServices = Pick<AppServices, "clock" | "jobs" | "config">;

export interface PostContext {
  thread: { id: string; title: string; authorId: string; ownerKind: string; ownerId: string };
  post: { id: string; doc: RichDoc };
  actor: Viewer & { id: string };
  /** Author of the quoted post, if any. */
  quotedAuthorId?: string | null;
  /** Mentioned people to leave out (already told: an edit notifies only new mentions). */
  alreadyMentioned?: readonly string[];
  origin: string;
}

export const postHref = postPath;

/**
 * Notifies inside the post's transaction. Mentions reach only people who may read the thread; mail
 * follows each person's setting (notify()); a person is told once per post (a mention wins over a reply).
 */
export async function notifyAboutPost(tx: Tx, s: NotifyServices, c: PostContext, mentioned: readonly string[]): Promise<void> {
  const base = { threadId: c.thread.id, threadTitle: c.thread.title, postId: c.post.id, actorId: c.actor.id, excerpt: excerpt(c.post.doc, 160) };
  const href = postHref(c.thread.id, c.post.id);
  const told = new Set<string>([c.actor.id]);
  const skip = new Set(c.alreadyMentioned ?? []);
  const candidates = mentioned.filter((id) => !told.has(id) && !skip.has(id)).slice(0, 20);
  const rows = candidates.length ? await tx.select({ id: users.id, email: users.email, name: users.name, status: users.status }).from(users).where(inArray(users.id, candidates)) : [];
  const owner = discussionOwner(c.thread.ownerKind);
  const place = (owner && (await owner.describe(tx, c.thread.ownerId))?.title) ?? "«Мост»";
  for (const person of rows) {
    if (person.status !== "active") continue;
    const recipient = await viewerForUser(tx, person.id);
    const access = await ownerAccess(tx, recipient, c.thread.ownerKind, c.thread.ownerId);
    if (!access.read) continue;
    told.add(person.id);
    // The mail names the actor as the thread page shows them to this person (a private name stays private).
    const actorName = (await loadPeople(tx, recipient, [c.actor.id])).get(c.actor.id)?.name ?? HIDDEN_PERSON_NAME;
    await notify(tx, s, {
      userId: person.id,
      kind: "mention",
      payload: base,
      href,
      actorId: c.actor.id,
      origin: c.origin,
      mail: { template: "mention", data: { name: person.name, actor: actorName, thread: c.thread.title, place, excerpt: base.excerpt, link: `${c.origin}${href}` } },
    });
  }
  if (c.alreadyMentioned) return; // an edit tells only the newly mentioned
  for (const [userId, quoted] of [
    [c.thread.authorId, false],
    [c.quotedAuthorId ?? null, true],
  ] as const) {
    if (!userId || told.has(userId)) continue;
    told.add(userId);
    const access = await ownerAccess(tx, await viewerForUser(tx, userId), c.thread.ownerKind, c.thread.ownerId);
    if (!access.read) continue;
    await notify(tx, s, { userId, kind: "reply", payload: { ...base, quoted }, href, actorId: c.actor.id, origin: c.origin });
  }
}
