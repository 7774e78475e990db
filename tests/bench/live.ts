/**
 * Live discussion at scale (quality.md «live»): a thread with 200 posts as a page, then N socket
 * clients in that thread while 10 people post at 1 message/s each; delivery latency from the
 * sender's emit to each reader's `stream:event`, lost and duplicated deliveries, server RSS.
 * With a second server process the readers are split across both nodes.
 */
import fs from "node:fs";
import { io as connect, type Socket } from "socket.io-client";

const COMMUNITY = "formiruyushchee-otsenivanie";
const PASSWORD = "Мост-демо-2026";
/** Ten demo people who post (each joins the open community first). */
export const SENDERS = [
  "teacher.math@most.example",
  "teacher.russian@most.example",
  "teacher.physics@most.example",
  "teacher.primary@most.example",
  "shestakova@most.example",
  "prokhorova@most.example",
  "petrov@most.example",
  "tutor@most.example",
  "expert@most.example",
  "director.shilka@most.example",
];

let ipCounter = 0;
const nextIp = () => `10.77.${Math.floor(ipCounter / 250) % 250}.${(ipCounter++ % 250) + 1}`;

async function form(base: string, path: string, fields: Record<string, string>, cookie?: string): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": nextIp(), ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(fields),
  });
}

/** Signs in through the login form; returns the session cookie. */
export async function signInCookie(base: string, email: string): Promise<string> {
  const res = await form(base, "/login", { email, password: PASSWORD, returnTo: "/" });
  const cookie = res.headers.getSetCookie().find((c) => c.includes("session"));
  if (!cookie) throw new Error(`sign-in failed for ${email}: ${res.status}`);
  return cookie.split(";")[0]!;
}

const clientId = () => `bench${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
const body = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

export async function openSocket(base: string, cookie?: string): Promise<Socket> {
  const socket = connect(base, { path: "/socket.io", transports: ["websocket"], reconnection: false, forceNew: true, extraHeaders: { Origin: base, ...(cookie ? { Cookie: cookie } : {}) } });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

/** The posting rate limit counts on the business clock: the bench moves it on between rounds. */
export async function advanceClock(base: string, ms: number) {
  const res = await fetch(`${base}/__test/clock`, { method: "POST", headers: { Origin: base, "Content-Type": "application/json" }, body: JSON.stringify({ advanceMs: ms }) });
  if (!res.ok) throw new Error(`clock: ${res.status}`);
}

export interface LiveSetup {
  threadId: string;
  senders: { email: string; cookie: string }[];
}

/** Signs the senders in, joins them to the open community and starts a thread with `posts` posts. */
export async function prepareThread(base: string, posts: number): Promise<LiveSetup> {
  const senders = await Promise.all(SENDERS.map(async (email) => ({ email, cookie: await signInCookie(base, email) })));
  for (const s of senders) await form(base, `/communities/${COMMUNITY}`, { intent: "join", note: "" }, s.cookie);
  const started = await form(base, `/communities/${COMMUNITY}`, { intent: "thread", title: `Нагрузочная тема ${new Date().toISOString()}`, bodyText: "Первое сообщение нагрузочной темы.", clientId: clientId() }, senders[0]!.cookie);
  const threadId = /\/threads\/([0-9a-f-]{36})/.exec(started.headers.get("location") ?? "")?.[1];
  if (!threadId) throw new Error(`thread not created: ${started.status}`);
  const sockets = await Promise.all(senders.map((s) => openSocket(base, s.cookie)));
  try {
    // 10 posts a minute per person on the business clock: each sender posts 8 per clock minute.
    let made = 1;
    while (made < posts) {
      await advanceClock(base, 61_000);
      for (let i = 0; i < 8 && made < posts; i++) {
        const round = sockets.slice(0, Math.min(sockets.length, posts - made));
        const acks = (await Promise.all(round.map((socket, k) => socket.emitWithAck("post:create", { clientId: clientId(), threadId, body: body(`Сообщение ${made + k} нагрузочной темы: обсуждаем формирующее оценивание на уроках математики в 6 классе.`) })))) as { ok: boolean; error?: string }[];
        const failed = acks.find((x) => !x.ok);
        if (failed) throw new Error(`seeding posts: ${failed.error}`);
        made += round.length;
      }
    }
  } finally {
    for (const s of sockets) s.close();
  }
  return { threadId, senders };
}

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN);

export function rssMb(pid: number | undefined): number {
  if (!pid) return NaN;
  const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

/**
 * `clients` readers (split round-robin over `bases`) follow the thread; the senders, connected to
 * the first base, post 1 message/s each for `seconds`. Prints delivery percentiles, lost and
 * duplicated deliveries, and the servers' RSS with everyone connected.
 */
export async function benchDelivery(label: string, bases: string[], pids: (number | undefined)[], setup: LiveSetup, options: { clients: number; seconds: number }): Promise<void> {
  const stream = `thread:${setup.threadId}`;
  const sentAt = new Map<string, number>();
  const receipts = new Map<string, number>(); // `${client}:${postId}` → deliveries
  const latencies: number[] = [];
  const ackTimes: number[] = [];
  const early: { postId: string; at: number }[] = [];
  const readers: Socket[] = [];
  const started = Date.now();
  for (let i = 0; i < options.clients; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, options.clients - i) }, async (_, k) => {
        const socket = await openSocket(bases[(i + k) % bases.length]!);
        const index = i + k;
        socket.on("stream:event", (event: { type: string; payload: { postId?: string } }) => {
          if (event.type !== "post.created" || !event.payload.postId) return;
          const key = `${index}:${event.payload.postId}`;
          receipts.set(key, (receipts.get(key) ?? 0) + 1);
          if (receipts.get(key) !== 1) return;
          const sent = sentAt.get(event.payload.postId);
          if (sent === undefined) early.push({ postId: event.payload.postId, at: performance.now() });
          else latencies.push(performance.now() - sent);
        });
        const reply = (await socket.emitWithAck("stream:subscribe", { stream, after: 1_000_000 })) as { ok: boolean; error?: string };
        if (!reply.ok) throw new Error(`subscribe: ${reply.error}`);
        return socket;
      }),
    );
    readers.push(...batch);
  }
  const connectSeconds = ((Date.now() - started) / 1000).toFixed(1);
  const rssConnected = pids.map(rssMb);
  const senders = await Promise.all(setup.senders.map((s) => openSocket(bases[0]!, s.cookie)));
  let sent = 0;
  let refused = 0;
  const clockTimer = setInterval(() => void advanceClock(bases[0]!, 61_000).catch(() => {}), 4000);
  await advanceClock(bases[0]!, 61_000);
  const sendOne = async (socket: Socket) => {
    const t0 = performance.now();
    const ack = (await socket.timeout(10_000).emitWithAck("post:create", { clientId: clientId(), threadId: setup.threadId, body: body(`Живое сообщение ${sent + refused}`) }).catch(() => null)) as { ok: boolean; postId?: string } | null;
    if (!ack?.ok || !ack.postId) return void refused++;
    ackTimes.push(performance.now() - t0);
    sent++;
    sentAt.set(ack.postId, t0);
    // A delivery that beat the ack to the reader.
    for (const e of early.filter((x) => x.postId === ack.postId)) latencies.push(e.at - t0);
  };
  const timers = senders.map((socket, i) => {
    let pending: Promise<void> = Promise.resolve();
    const start = setTimeout(() => {
      pending = sendOne(socket);
      timer.ref = setInterval(() => (pending = sendOne(socket)), 1000);
    }, i * 100);
    const timer: { ref?: ReturnType<typeof setInterval>; start: ReturnType<typeof setTimeout>; last: () => Promise<void> } = { start, last: () => pending };
    return timer;
  });
  await new Promise((r) => setTimeout(r, options.seconds * 1000));
  for (const t of timers) {
    clearTimeout(t.start);
    clearInterval(t.ref);
  }
  await Promise.all(timers.map((t) => t.last()));
  clearInterval(clockTimer);
  await new Promise((r) => setTimeout(r, 3000)); // the last deliveries
  const rssEnd = pids.map(rssMb);
  const expected = sent * options.clients;
  let unique = 0;
  let duplicated = 0;
  for (const [key, n] of receipts) {
    if (!sentAt.has(key.slice(key.indexOf(":") + 1))) continue;
    unique++;
    duplicated += n - 1;
  }
  latencies.sort((a, b) => a - b);
  ackTimes.sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1);
  console.log(
    `${label}: ${options.clients} readers (connected in ${connectSeconds} s), ${setup.senders.length} senders × 1 msg/s for ${options.seconds} s: ` +
      `${sent} posts stored${refused ? `, ${refused} refused` : ""}; delivery p50 ${f(pct(latencies, 50))} ms, p95 ${f(pct(latencies, 95))} ms, p99 ${f(pct(latencies, 99))} ms, max ${f(latencies.at(-1) ?? NaN)} ms ` +
      `(bar p95 ≤ 50, p99 ≤ 100); the sender's ack (the post stored) p50 ${f(pct(ackTimes, 50))} ms, p95 ${f(pct(ackTimes, 95))} ms; lost ${expected - unique} of ${expected}, duplicated ${duplicated}; ` +
      `server RSS ${rssConnected.join(" + ")} MB connected, ${rssEnd.join(" + ")} MB at the end (bar ≤ 400 MB)`,
  );
  for (const s of [...senders, ...readers]) s.close();
}
