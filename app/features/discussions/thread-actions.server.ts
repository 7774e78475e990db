/** The forms of the thread page, each mapped to one command. */
import { redirect } from "react-router";
import { postPath } from "./paths.ts";
import type { Actor, DiscussionServices } from "./commands.server.ts";
import { createPost, deletePost, editPost, toggleReaction } from "./commands.server.ts";
import { refusalResponse, parseDiscussionForm } from "./forms.server.ts";
import { markSolution, moderatePost, reportPost, setThreadFlag } from "./moderation.server.ts";
import type { Outcome } from "./outcome.ts";
import { bodyFromForm, ThreadAction } from "./schemas.ts";

const DONE: Record<string, string> = {
  report: "reported",
  hide: "hidden",
  restore: "restored",
};

/** Runs one form of the thread page and redirects back to the post it touched (or answers errors). */
export async function runThreadAction(s: DiscussionServices, actor: Actor, threadId: string, request: Request, origin: string) {
  const raw = Object.fromEntries(await request.formData());
  const form = parseDiscussionForm(raw, ThreadAction, ["intent", "postId", "reason"]);
  if (!form.ok) return form.response;
  const d = form.data;
  let postId: string | null = null;
  let result: Outcome;
  switch (d.intent) {
    case "reply": {
      const r = await createPost(s, actor, { threadId, body: bodyFromForm(d), quoteOf: d.quoteOf || null, clientId: d.clientId, origin });
      if (r.ok && r.threadId !== threadId) return redirect(postPath(r.threadId, r.postId));
      postId = r.ok ? r.postId : null;
      result = r;
      break;
    }
    case "edit":
      result = await editPost(s, actor, { postId: d.postId, body: bodyFromForm(d), origin });
      postId = d.postId;
      break;
    case "delete":
      result = await deletePost(s, actor, { postId: d.postId });
      postId = d.postId;
      break;
    case "react":
      result = await toggleReaction(s, actor, { postId: d.postId, kind: d.kind });
      postId = d.postId;
      break;
    case "solution":
      result = await markSolution(s, actor, { threadId, postId: d.postId || null });
      postId = d.postId || null;
      break;
    case "pin":
    case "lock":
      result = await setThreadFlag(s, actor, { threadId, flag: d.intent === "pin" ? "pinned" : "locked", value: d.value === "on" });
      break;
    case "report":
      result = await reportPost(s, actor, { postId: d.postId, reason: d.reason });
      postId = d.postId;
      break;
    case "hide":
    case "restore":
      result = await moderatePost(s, actor, { postId: d.postId, action: d.intent, reason: d.reason });
      postId = d.postId;
      break;
  }
  if (!result.ok) return refusalResponse(result, form.values);
  const done = DONE[d.intent];
  // Back to the page that holds the post touched, so a long thread opens where the person was.
  const query = new URLSearchParams();
  if (postId) query.set("post", postId);
  if (done) query.set("done", done);
  return redirect(`/threads/${threadId}${query.size ? `?${query}` : ""}${postId ? `#post-${postId}` : ""}`);
}
