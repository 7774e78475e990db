/**
 * The form actions of the community pages: parse (zod) → one command → redirect with a "done"
 * notice, or the form's 400 with a Russian message. Forms work without JavaScript.
 */
import { data, redirect } from "react-router";
import type { AppServices } from "../../services.server.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { failureResponse, parseForm } from "../accounts/actions.server.ts";
import { createThread } from "../discussions/commands.server.ts";
import { bodyFromForm, NewThreadForm } from "../discussions/schemas.ts";
import { decideJoinRequest, joinCommunity, leaveCommunity, announceThread, removeMember, setFollowing, setMemberRole, updateCommunitySettings, type CommunityOutcome } from "./commands.server.ts";
import { COMMUNITY_OWNER_KIND, findCommunityBySlug } from "./queries.server.ts";
import { CommunityAction, MembersAction } from "./schemas.ts";
import { COMMUNITY_ERRORS, type DoneKey } from "./strings.ts";

type Person = Viewer & { id: string };

async function communityOr404(s: AppServices, slug: string) {
  const c = await findCommunityBySlug(s.db, slug);
  if (!c) throw data(COMMUNITY_ERRORS.notFound, { status: 404 });
  return c;
}

/** A refusal as a response: 404 stays 404 (nothing to show), the rest go back to the form. */
function refused(result: Exclude<CommunityOutcome, { ok: true }>, values: Record<string, string>) {
  if (result.status === 404) throw data(result.error, { status: 404 });
  return failureResponse({ ok: false, error: result.error, field: result.field, status: 400 }, values);
}

const done = (slug: string, key: DoneKey, page = "") => redirect(`/communities/${slug}${page}?done=${key}`);

/** Starts a thread in the community through the discussion engine (same command as sockets). */
async function startThread(s: AppServices, viewer: Person, request: Request, communityId: string) {
  const form = await parseForm(request, NewThreadForm, ["intent", "title", "bodyText", "clientId"]);
  if (!form.ok) return form.response;
  const raw = form.data as { title: string; clientId: string; body?: string; bodyText?: string };
  const result = await createThread(s, viewer, {
    ownerKind: COMMUNITY_OWNER_KIND,
    ownerId: communityId,
    title: raw.title,
    body: bodyFromForm(raw),
    clientId: raw.clientId,
    origin: new URL(request.url).origin,
  });
  if (!result.ok) {
    if (result.status === 403 || result.status === 404) throw data(result.error, { status: result.status });
    return failureResponse({ ok: false, error: result.error, field: "thread", status: result.status === 429 ? 429 : 400 }, { ...form.values, intent: "thread" });
  }
  if (!result.duplicate) await announceThread(s, { communityId, threadId: result.threadId, title: raw.title.trim(), authorId: viewer.id });
  return redirect(`/threads/${result.threadId}`);
}

/** The community page's forms: join or ask to join, leave, follow, unfollow, start a thread. */
export async function communityPageAction(s: AppServices, viewer: Person, request: Request, slug: string) {
  const c = await communityOr404(s, slug);
  const intent = (await request.clone().formData()).get("intent");
  if (intent === "thread") return startThread(s, viewer, request, c.id);
  const form = await parseForm(request, CommunityAction, ["intent", "note"]);
  if (!form.ok) return form.response;
  const d = form.data;
  if (d.intent === "join") {
    const result = await joinCommunity(s, viewer, { communityId: c.id, note: d.note || undefined });
    return result.ok ? done(slug, result.status === "active" ? "joined" : "requested") : refused(result, form.values);
  }
  if (d.intent === "leave") {
    const result = await leaveCommunity(s, viewer, { communityId: c.id });
    return result.ok ? done(slug, result.was === "active" ? "left" : "withdrawn") : refused(result, form.values);
  }
  const result = await setFollowing(s, viewer, { communityId: c.id, follow: d.intent === "follow" });
  return result.ok ? done(slug, d.intent === "follow" ? "followed" : "unfollowed") : refused(result, form.values);
}

/** The members page's forms (moderators): decide a join request, appoint or remove. */
export async function membersPageAction(s: AppServices, viewer: Person, request: Request, slug: string) {
  const c = await communityOr404(s, slug);
  const form = await parseForm(request, MembersAction, ["intent", "userId", "reason", "description", "visibility"]);
  if (!form.ok) return form.response;
  const d = form.data;
  if (d.intent === "settings") {
    const result = await updateCommunitySettings(s, viewer, { communityId: c.id, description: d.description, visibility: d.visibility });
    return result.ok ? done(slug, "settings", "/members") : refused(result, form.values);
  }
  const result =
    d.intent === "decide"
      ? await decideJoinRequest(s, viewer, { communityId: c.id, userId: d.userId, accept: d.decision === "accept", reason: d.reason || undefined })
      : d.intent === "role"
        ? await setMemberRole(s, viewer, { communityId: c.id, userId: d.userId, role: d.role })
        : await removeMember(s, viewer, { communityId: c.id, userId: d.userId, reason: d.reason });
  if (!result.ok) return refused(result, form.values);
  const key: DoneKey = d.intent === "decide" ? (d.decision === "accept" ? "accepted" : "declined") : d.intent === "role" ? "role" : "removed";
  return done(slug, key, "/members");
}
