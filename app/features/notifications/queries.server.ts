import { count, desc } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { mailOutbox } from "../../../db/schema/index.ts";

export const OUTBOX_PAGE_SIZE = 50;

/** A page of the mail outbox, newest first. */
export async function listOutbox(ex: Executor, page: number) {
  const [total] = await ex.select({ n: count() }).from(mailOutbox);
  const mails = await ex
    .select()
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.at))
    .limit(OUTBOX_PAGE_SIZE)
    .offset((page - 1) * OUTBOX_PAGE_SIZE);
  return { total: total?.n ?? 0, mails };
}
