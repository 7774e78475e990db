/**
 * Evidence files of an activity's report, in the library's file storage (FILES_DIR) under a
 * server-made key `plans/<uuid>.<ext>`, checked like library attachments (name, size, magic
 * bytes agreeing with the extension) before anything is written. Downloads follow the plan's
 * read policy and are served as attachments with a sandboxing CSP.
 */
import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { data } from "react-router";
import { planEvidence, planItems } from "../../../db/schema/index.ts";
import type { AppServices } from "../../services.server.ts";
import type { Viewer } from "../accounts/viewer.server.ts";
import { refuse, type Outcome } from "../discussions/outcome.ts";
import type { FileStorage } from "../library/storage.server.ts";
import { libraryFiles } from "../library/services.server.ts";
import { checkUpload, contentDisposition } from "../library/uploads.server.ts";
import { appendEvent } from "../../../server/events/store.ts";
import { canEditPlan, requirePlanReader } from "./policy.server.ts";
import { loadPlan } from "./queries.server.ts";
import { PLAN_ERRORS } from "./strings.ts";

type S = Pick<AppServices, "db" | "clock" | "config"> & { files?: FileStorage };

/** Evidence files are smaller than library attachments: scans and photos of a protocol. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/** Stores a file as evidence of an activity. */
export async function uploadEvidenceFile(s: S, viewer: Viewer & { id: string }, input: { planId: string; itemId: string; name: string; bytes: Uint8Array }): Promise<Outcome<{ evidenceId: string }>> {
  const found = await loadPlan(s.db, viewer, input.planId);
  if (!found) return refuse(404, PLAN_ERRORS.notFound);
  if (!canEditPlan(viewer, found.owner.access)) return refuse(403, PLAN_ERRORS.forbidden);
  const [item] = await s.db.select({ id: planItems.id, kind: planItems.kind }).from(planItems).where(and(eq(planItems.id, input.itemId), eq(planItems.planId, input.planId)));
  if (!item || item.kind !== "activity") return refuse(404, PLAN_ERRORS.itemNotFound);
  const checked = await checkUpload(input.name, input.bytes, EVIDENCE_MAX_BYTES);
  if (!checked.ok) return refuse(400, checked.error);
  const id = crypto.randomUUID();
  const storageKey = `plans/${crypto.randomUUID()}.${checked.extension}`;
  await libraryFiles(s).put(storageKey, input.bytes);
  const now = s.clock.now();
  await s.db.transaction(async (tx) => {
    await tx.insert(planEvidence).values({ id, itemId: input.itemId, kind: "file", url: `/plans/${input.planId}/evidence/${id}`, label: checked.name, storageKey, contentType: checked.contentType, extension: checked.extension, size: checked.size, addedBy: viewer.id, addedAt: now });
    await appendEvent(tx, { stream: `plan:${input.planId}`, type: "plan.item.evidence", payload: { itemId: input.itemId, evidenceId: id }, actorId: viewer.id, at: now });
  });
  return { ok: true, evidenceId: id };
}

/** The bytes of an evidence file for those who may read the plan; 404 otherwise. */
export async function downloadEvidenceFile(s: S, viewer: Viewer, planId: string, evidenceId: string): Promise<Response> {
  const found = await loadPlan(s.db, viewer, planId);
  if (!found) throw data(PLAN_ERRORS.notFound, { status: 404 });
  requirePlanReader(viewer, found.owner.access, found.plan);
  const [file] = await s.db
    .select({ storageKey: planEvidence.storageKey, contentType: planEvidence.contentType, label: planEvidence.label, extension: planEvidence.extension })
    .from(planEvidence)
    .innerJoin(planItems, eq(planItems.id, planEvidence.itemId))
    .where(and(eq(planEvidence.id, evidenceId), eq(planItems.planId, planId), eq(planEvidence.kind, "file")));
  const bytes = file?.storageKey ? await libraryFiles(s).get(file.storageKey) : null;
  if (!file || !bytes) throw data(PLAN_ERRORS.fileNotFound, { status: 404 });
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": file.contentType ?? "application/octet-stream",
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": contentDisposition(file.label, file.extension ?? "bin"),
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}
