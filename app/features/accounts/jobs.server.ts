import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { accountTokens, users } from "../../../db/schema/index.ts";
import { defineJob, enqueueMail } from "../../../server/jobs/queues.ts";
import { logAuthEvent } from "./audit.server.ts";
import { hashToken, randomToken } from "./crypto.server.ts";

export const RESET_TTL_MS = 3600_000;

/**
 * A password-reset request, handled in the background: the HTTP answer is the same, and as fast,
 * whether or not the address has an account. Only an existing active account gets a link.
 */
export const PASSWORD_RESET_REQUEST_JOB = defineJob({
  name: "accounts.reset-request",
  schema: z.object({ email: z.string().email(), origin: z.string().url() }),
  options: { retryLimit: 3, retryDelay: 10 },
  async run({ email, origin }, services) {
    const now = services.clock.now();
    await services.db.transaction(async (tx) => {
      const [user] = await tx.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.email, email), eq(users.status, "active")));
      if (!user) return;
      await tx
        .update(accountTokens)
        .set({ usedAt: now })
        .where(and(eq(accountTokens.userId, user.id), eq(accountTokens.purpose, "reset_password"), isNull(accountTokens.usedAt)));
      const token = randomToken();
      await tx.insert(accountTokens).values({ userId: user.id, purpose: "reset_password", tokenHash: hashToken(token), email, createdAt: now, expiresAt: new Date(now.getTime() + RESET_TTL_MS) });
      await enqueueMail(tx, services, { to: email, template: "reset-password", data: { name: user.name, link: `${origin}/reset-password?token=${token}` } });
      await logAuthEvent(tx, user.id, "reset_requested", now);
    });
  },
});
