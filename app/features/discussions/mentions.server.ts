/** Who the viewer can mention in a thread: people whose name they may see and who may read the thread. */
import { and, eq, ilike } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { posts, users } from "../../../db/schema/index.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { loadPeople } from "../profiles/people.server.ts";
import { HIDDEN_PERSON_NAME } from "../profiles/fields.ts";
import { ownerAccess, viewerForUser } from "./policy.server.ts";

export interface MentionCandidate {
  id: string;
  label: string;
  detail: string | null;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Up to 8 people matching the typed name, the thread's participants first. Only people whose name
 * the viewer may see (a private name never matches) and who may read the thread.
 */
export async function mentionCandidates(ex: Executor, viewer: Viewer, thread: { id: string; ownerKind: string; ownerId: string }, query: string): Promise<MentionCandidate[]> {
  const q = query.trim().slice(0, 60);
  const nameMatch = q ? ilike(users.name, `%${escapeLike(q)}%`) : undefined;
  const participants = await ex
    .selectDistinct({ id: users.id })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(and(eq(posts.threadId, thread.id), eq(users.status, "active"), nameMatch))
    .limit(20);
  const others = q.length >= 2 ? await ex.select({ id: users.id }).from(users).where(and(eq(users.status, "active"), nameMatch)).limit(30) : [];
  const ids = [...new Set([...participants, ...others].map((r) => r.id))].filter((id) => id !== viewer.id);
  if (!ids.length) return [];
  const people = await loadPeople(ex, viewer, ids);
  const out: MentionCandidate[] = [];
  for (const id of ids) {
    const person = people.get(id);
    if (!person || person.deleted || person.name === HIDDEN_PERSON_NAME) continue;
    if (q && !person.name.toLocaleLowerCase("ru").includes(q.toLocaleLowerCase("ru"))) continue;
    if (!(await ownerAccess(ex, await viewerForUser(ex, id), thread.ownerKind, thread.ownerId)).read) continue;
    out.push({ id, label: person.name, detail: [person.position, person.organisation?.name].filter(Boolean).join(", ") || null });
    if (out.length === 8) break;
  }
  return out;
}
