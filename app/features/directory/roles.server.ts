import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "../../../db/client.ts";
import { roleChanges, roleGrants } from "../../../db/schema/index.ts";
import { endSessions } from "../accounts/sessions.server.ts";

export interface RoleScope {
  type: "region" | "municipality" | "organisation" | null;
  id: string | null;
}

export interface RoleChangeInput {
  userId: string;
  role: string;
  scope: RoleScope;
  byUserId: string;
  /** Why: shown in the log; required. */
  reason: string;
  now: Date;
  /** The actor's own session survives when they change their own roles. */
  actorSessionId?: string;
}

const scopeMatches = (scope: RoleScope) =>
  and(scope.type ? eq(roleGrants.scopeType, scope.type) : isNull(roleGrants.scopeType), scope.id ? eq(roleGrants.scopeId, scope.id) : isNull(roleGrants.scopeId));

async function afterChange(tx: Tx, input: RoleChangeInput, action: "granted" | "revoked") {
  await tx.insert(roleChanges).values({ userId: input.userId, role: input.role, scopeType: input.scope.type, scopeId: input.scope.id, action, byUserId: input.byUserId, at: input.now, reason: input.reason });
  // New rights (or lost ones) take effect everywhere at once: the person's sessions end and their
  // sockets are disconnected by the sessions.ended event.
  await endSessions(tx, input.userId, input.userId === input.byUserId && input.actorSessionId ? { except: input.actorSessionId } : {}, input.now);
}

/** Grants a scoped role inside the caller's transaction, logs it and ends the person's sessions. Idempotent. */
export async function grantRole(tx: Tx, input: RoleChangeInput): Promise<boolean> {
  const inserted = await tx
    .insert(roleGrants)
    .values({ userId: input.userId, role: input.role, scopeType: input.scope.type, scopeId: input.scope.id, grantedBy: input.byUserId, grantedAt: input.now, reason: input.reason })
    .onConflictDoNothing()
    .returning({ id: roleGrants.id });
  if (!inserted.length) return false;
  await afterChange(tx, input, "granted");
  return true;
}

/** Revokes a scoped role inside the caller's transaction, logs it and ends the person's sessions. */
export async function revokeRole(tx: Tx, input: RoleChangeInput): Promise<boolean> {
  const removed = await tx
    .delete(roleGrants)
    .where(and(eq(roleGrants.userId, input.userId), eq(roleGrants.role, input.role), scopeMatches(input.scope)))
    .returning({ id: roleGrants.id });
  if (!removed.length) return false;
  await afterChange(tx, input, "revoked");
  return true;
}
