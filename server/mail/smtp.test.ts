import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../tests/setup/database.ts";
import { createTestServices, type TestServices } from "../../tests/setup/services.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { mailOutbox } from "../../db/schema/index.ts";
import { enqueueMail } from "../jobs/queues.ts";

describe("mail over real SMTP", () => {
  let handle: DatabaseHandle & { url?: string };
  let services: TestServices;
  let smtp: SMTPServer;
  const received: { to: string; raw: string }[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        let raw = "";
        stream.on("data", (c: Buffer) => (raw += c.toString("utf8")));
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), raw });
          callback();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", () => r()));
    const port = (smtp.server.address() as AddressInfo).port;
    handle = await createTestDatabase();
    services = await createTestServices(handle, { env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
  });
  afterAll(async () => {
    await services.stop();
    await handle.close();
    await new Promise<void>((r) => smtp.close(() => r()));
  });

  it("sends a Russian mail with a plain-text and an HTML part, and keeps nothing in the outbox", async () => {
    expect(services.mailer.mode).toBe("smtp");
    await handle.db.transaction((tx) => enqueueMail(tx, services, { to: "teacher@school.example", template: "probe", data: { note: "Письмо по SMTP" } }));
    const deadline = Date.now() + 15_000;
    while (received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toBe("teacher@school.example");
    expect(received[0]!.raw).toMatch(/Content-Type: text\/plain; charset=utf-8/i);
    expect(received[0]!.raw).toMatch(/Content-Type: text\/html; charset=utf-8/i);
    expect(received[0]!.raw).toMatch(/Subject: =\?UTF-8\?/i);
    expect(await handle.db.select().from(mailOutbox)).toEqual([]);
  });
});
