import { expect, test } from "@playwright/test";
import { originOf } from "../helpers/pages";

test.describe("jobs on the business clock", () => {
  test("a mail scheduled for tomorrow is sent once when the business clock passes its time", async ({ request, baseURL }) => {
    const to = `probe${Date.now()}@school.example`;
    const outbox = async () => ((await (await request.get("/__test/outbox")).json()) as { to: string; subject: string }[]).filter((m) => m.to === to);
    const scheduled = await request.post("/__test/mail/probe", { headers: originOf(baseURL), data: { to, note: "завтра", delayMs: 24 * 3600_000 } });
    expect(scheduled.status()).toBe(200);
    await new Promise((r) => setTimeout(r, 2500));
    expect(await outbox()).toEqual([]);
    const moved = await request.post("/__test/clock", { headers: originOf(baseURL), data: { advanceMs: 24 * 3600_000 + 60_000 } });
    expect(moved.status()).toBe(200);
    await expect.poll(async () => (await outbox()).length, { timeout: 15_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 2500));
    const mails = await outbox();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("Проверка почты «Моста»");
  });
});
