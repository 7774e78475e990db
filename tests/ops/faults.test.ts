/**
 * PostgreSQL killed during 200 concurrent writes (quality.md «Faults»): 100 replies (50 over
 * sockets, 50 through the reply form) and 100 event registrations on 60 seats hit the production
 * server; the cluster's postmaster and backends get SIGKILL once 40 writes are acknowledged, and
 * it starts again (crash recovery) a moment later while the clients retry with the same client
 * ids. Then: every acknowledged write is stored exactly once and whole, the SAME server process
 * serves new writes, socket fan-out (LISTEN) and jobs (pg-boss) work again, and a socket that
 * stayed connected through the fault got every post.
 *
 * Kills the cluster in PGDATA (the one .ci/run owns), so it runs in the `ops` stage after every
 * other PostgreSQL runner; skipped with a message where PGDATA / PG_CTL are not set.
 * `npm run ops:faults` runs it alone and prints the figures.
 */
import postgres from "postgres";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../db/client.ts";
import { startOpsServer, waitHealthy, type OpsServer } from "./app-server.ts";
import { checkDatabase, type FaultFindings } from "./fault-checks.ts";
import { jobDiagnostics } from "./fault-diagnostics.ts";
import { fireWrites, type Write } from "./fault-clients.ts";
import { doc, newClientId, openSocket, postForm, prepareWorld, type FaultWorld } from "./fault-world.ts";
import { clusterFromEnv, killPostgres, postmasterPid, startPostgres, type Cluster } from "./cluster.ts";

const COUNTS = { socketPosts: 50, formPosts: 50, registrations: 100 };
const PEOPLE = 100;
const SEATS = 60;
const KILL_AFTER_ACKS = 40;
const DOWN_MS = 1500;
const cluster = clusterFromEnv();
const skip = "skip" in cluster ? cluster.skip : null;
if (skip) console.warn(`faults: skipped: ${skip}`);

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, ms: number, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(100);
  }
}

describe.skipIf(skip !== null)(`PostgreSQL killed during ${COUNTS.socketPosts + COUNTS.formPosts + COUNTS.registrations} concurrent writes${skip ? ` — skipped: ${skip}` : ""}`, () => {
  const c = cluster as Cluster;
  let server: OpsServer;
  let handle: DatabaseHandle;
  let sql: postgres.Sql;
  let world: FaultWorld;
  const sockets: Socket[] = [];
  const delivered = new Map<string, number>(); // postId → deliveries to the reader that stayed connected
  const fault = { killedPid: 0, killedAt: 0, restartedAt: 0, startMs: 0, firstAckAfterRestart: 0, started: 0, done: 0 };
  let writes: Write[] = [];
  let findings: FaultFindings;
  let instanceBefore = "";

  const onReader = (event: { type: string; payload: { postId?: string } }) => {
    if (event.type === "post.created" && event.payload.postId) delivered.set(event.payload.postId, (delivered.get(event.payload.postId) ?? 0) + 1);
  };

  beforeAll(async () => {
    if (!postmasterPid(c)) throw new Error(`PostgreSQL in ${c.pgdata} is not running`);
    // The system clock, as in production: pg-boss's TestClock (test mode) drops a due timer for
    // good when its clock-table write fails, which stalls its workers after a database crash.
    server = await startOpsServer("faults", { MOST_TEST_MODE: "0" });
    handle = await openDatabase({ url: server.databaseUrl, max: 2 });
    sql = postgres(server.databaseUrl, { max: 2, onnotice: () => {} });
    world = await prepareWorld(server.base, handle.db, PEOPLE, SEATS);
    await handle.close();
    instanceBefore = ((await (await fetch(`${server.base}/healthz`)).json()) as { instance: string }).instance;
    for (let i = 0; i < COUNTS.socketPosts; i++) sockets.push(await openSocket(server.base, world.people[i]!));
    const reader = await openSocket(server.base, null);
    sockets.push(reader);
    reader.on("stream:event", onReader);
    const sub = (await reader.emitWithAck("stream:subscribe", { stream: `thread:${world.threadId}`, after: 1 })) as { ok: boolean };
    if (!sub.ok) throw new Error("the reader could not subscribe to the thread");

    let faultDone: Promise<void> = Promise.resolve();
    fault.started = performance.now();
    writes = await fireWrites(world, sockets, COUNTS, {
      deadline: performance.now() + 90_000,
      onAck(count) {
        if (fault.restartedAt && !fault.firstAckAfterRestart) fault.firstAckAfterRestart = performance.now();
        if (count !== KILL_AFTER_ACKS) return;
        fault.killedAt = performance.now();
        fault.killedPid = killPostgres(c);
        faultDone = (async () => {
          await sleep(DOWN_MS);
          const t0 = performance.now();
          await startPostgres(c);
          fault.restartedAt = performance.now();
          fault.startMs = fault.restartedAt - t0;
        })();
      },
    });
    fault.done = performance.now();
    await faultDone;
    findings = await checkDatabase(sql, world, writes);
  }, 240_000);

  afterAll(async () => {
    for (const s of sockets) s.close();
    await sql?.end({ timeout: 5 });
    // Leave the cluster running for whatever comes next, whatever happened here.
    if (!postmasterPid(c)) await startPostgres(c).catch(() => {});
    await server?.stop();
  });

  it("kills PostgreSQL while writes are in flight, and every write is acknowledged after retries", () => {
    expect(fault.killedPid, "the postmaster was killed").toBeGreaterThan(0);
    expect(fault.restartedAt, "PostgreSQL started again").toBeGreaterThan(0);
    const retried = writes.filter((w) => w.attempts > 1).length;
    expect(retried, "some writes failed while PostgreSQL was down and were retried").toBeGreaterThan(0);
    expect(writes.filter((w) => w.refused).map((w) => `${w.kind}: ${w.refused}`)).toEqual([]);
    expect(writes.filter((w) => !w.acked).length, "writes never acknowledged").toBe(0);
  });

  it("loses no acknowledged write, stores none twice and none in part", () => {
    expect(findings.lost).toEqual([]);
    expect(findings.duplicated).toEqual([]);
    expect(findings.partial).toEqual([]);
    expect(findings.postsStored).toBe(1 + COUNTS.socketPosts + COUNTS.formPosts);
    expect(findings.registered).toBe(SEATS);
    expect(findings.waitlisted).toBe(COUNTS.registrations - SEATS);
  });

  it("the socket that stayed connected through the fault got every post exactly once", async () => {
    const acked = writes.filter((w) => w.postId).map((w) => w.postId!);
    await until("every post at the reader", 15_000, () => acked.every((id) => delivered.has(id)) || undefined).catch(() => {});
    expect(acked.filter((id) => !delivered.has(id)).length, "posts the connected reader never received").toBe(0);
    expect([...delivered.values()].filter((n) => n > 1).length, "posts received twice").toBe(0);
  });

  it("the same server process recovers by itself: new writes, live fan-out and jobs work", async () => {
    expect(server.child.exitCode, `the server exited; its last lines:\n${server.output.slice(-40).join("\n")}`).toBeNull();
    await waitHealthy(server.base, 10_000);
    const health = (await (await fetch(`${server.base}/healthz`)).json()) as { instance: string; database: { status: string } };
    expect(health.instance, "the same process (no restart)").toBe(instanceBefore);

    // A fresh reply through the form, first attempt: acknowledged and delivered live to both readers.
    const fresh = await openSocket(server.base, null);
    sockets.push(fresh);
    const freshSeen: string[] = [];
    fresh.on("stream:event", (e: { type: string; payload: { postId?: string } }) => e.type === "post.created" && e.payload.postId && freshSeen.push(e.payload.postId));
    expect(((await fresh.emitWithAck("stream:subscribe", { stream: `thread:${world.threadId}`, after: 1_000_000 })) as { ok: boolean }).ok).toBe(true);
    const author = world.people[PEOPLE - 1]!;
    const res = await postForm(server.base, `/threads/${world.threadId}`, author, { intent: "reply", clientId: newClientId(), bodyText: "Ответ после восстановления." });
    const postId = /#post-([0-9a-f-]{36})/.exec(res.headers.get("location") ?? "")?.[1];
    expect(postId, `reply after recovery: HTTP ${res.status}`).toBeTruthy();
    await until("the fresh post at both readers", 10_000, () => (delivered.has(postId!) && freshSeen.includes(postId!)) || undefined);

    // A socket post on a socket that connected after the fault (its handshake reads the session).
    const late = await openSocket(server.base, world.people[0]!);
    sockets.push(late);
    const ack = (await late.timeout(10_000).emitWithAck("post:create", { clientId: newClientId(), threadId: world.threadId, body: doc("Сообщение по сокету после восстановления.") })) as { ok: boolean; postId?: string };
    expect(ack.ok).toBe(true);
    await until("the late socket post at the reader", 10_000, () => delivered.has(ack.postId!) || undefined);

    // pg-boss: a password reset request goes through two queues and ends in the mail outbox.
    const email = "teacher.math@most.example";
    const asked = new Date();
    const reset = await fetch(`${server.base}/forgot-password`, { method: "POST", redirect: "manual", headers: { Origin: server.base, "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": "10.66.250.1" }, body: new URLSearchParams({ email }) });
    expect(reset.status).toBeLessThan(400);
    await until("the reset mail in the outbox (jobs run again)", 30_000, async () => {
      const [row] = await sql<{ n: number }[]>`select count(*)::int as n from mail_outbox where "to" = ${email} and at >= ${asked}`;
      return row!.n > 0 || undefined;
    }).catch(async (error: Error) => {
      throw new Error(`${error.message}\n${await jobDiagnostics(sql, { base: server.base, output: server.output, mailTo: email })}`);
    });
    // OPS_DIAGNOSTICS=1 prints the same report on success: the jobs and connections after recovery.
    if (process.env.OPS_DIAGNOSTICS === "1") console.log(await jobDiagnostics(sql, { base: server.base, output: server.output, mailTo: email }));
  });

  it("prints the figures", () => {
    const acked = writes.filter((w) => w.acked).length;
    const postIds = writes.filter((w) => w.postId).map((w) => w.postId!);
    const retries = writes.reduce((n, w) => n + w.attempts - 1, 0);
    const why = new Map<string, number>();
    for (const w of writes) for (const [k, n] of w.failures) why.set(k, (why.get(k) ?? 0) + n);
    const summary = [
      `faults: ${writes.length} concurrent writes (${COUNTS.socketPosts} socket posts, ${COUNTS.formPosts} form posts, ${COUNTS.registrations} registrations on ${SEATS} seats)`,
      `  attempted ${writes.length}, acknowledged ${acked}, survived ${acked - findings.lost.length}, lost ${findings.lost.length}, duplicated ${findings.duplicated.length}, partial ${findings.partial.length}`,
      `  PostgreSQL SIGKILLed (postmaster ${fault.killedPid} and its backends) ${seconds(fault.killedAt - fault.started)} in, after ${KILL_AFTER_ACKS} acks; down ${seconds(DOWN_MS)}; crash recovery + start ${seconds(fault.startMs)}`,
      `  first write acknowledged ${seconds(fault.firstAckAfterRestart - fault.restartedAt)} after PostgreSQL was back; all writes settled ${seconds(fault.done - fault.started)} after the start`,
      `  client retries ${retries} (${[...why].map(([k, n]) => `${k}: ${n}`).join(", ")})`,
      `  the reader connected through the fault got ${postIds.filter((id) => delivered.has(id)).length} of ${postIds.length} posts live; same server process, new writes, fan-out and jobs after recovery: ok`,
    ].join("\n");
    console.log(summary);
    expect(findings.lost.length + findings.duplicated.length + findings.partial.length).toBe(0);
  });
});
