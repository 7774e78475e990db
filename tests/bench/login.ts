/**
 * Login cost: the time of one argon2id hash (19456 KiB, t=2, p=1) in this process, and sign-in
 * latency at a steady 20 logins/s against the running server (quality.md: p95 ≤ 300 ms).
 */
import autocannon from "autocannon";
import { hashPassword, verifyPassword } from "../../app/features/accounts/crypto.server.ts";

export async function benchHash(rounds = 10): Promise<void> {
  const times: number[] = [];
  let hash = "";
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    hash = await hashPassword(`пароль-для-замера-${i}`);
    times.push(performance.now() - started);
  }
  const started = performance.now();
  await verifyPassword(hash, "неверный");
  const verify = performance.now() - started;
  times.sort((a, b) => a - b);
  console.log(`argon2id hash: median ${times[Math.floor(rounds / 2)]!.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms over ${rounds}; one verify ${verify.toFixed(1)} ms`);
}

export async function benchLogin(base: string, email: string, password: string, duration = 10): Promise<void> {
  let n = 0;
  const body = new URLSearchParams({ email, password, returnTo: "/" }).toString();
  const result = await autocannon({
    url: `${base}/login`,
    method: "POST",
    duration,
    connections: 10,
    overallRate: 20,
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
    body,
    // A different client address per request, so the per-IP throttle does not cut the run short.
    setupClient: (client) => {
      client.on("response", () => {});
    },
    requests: [
      {
        setupRequest: (req) => ({ ...req, headers: { ...req.headers, "x-forwarded-for": `10.77.${Math.floor(n / 250) % 250}.${(n++ % 250) + 1}` } }),
      },
    ],
  });
  const l = result.latency as unknown as Record<string, number>;
  console.log(
    `login at 20/s for ${duration} s: ${result.requests.total} requests, p50 ${l.p50} ms, p95 ${l.p95 ?? l.p97_5} ms, p99 ${l.p99} ms (bar p95 ≤ 300 ms); ` +
      `redirects (signed in) ${result["3xx"] ?? 0}, other ${result.non2xx - (result["3xx"] ?? 0)}, errors ${result.errors}`,
  );
}
