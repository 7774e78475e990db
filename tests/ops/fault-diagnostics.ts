/**
 * What a failing recovery check of the fault test prints: the state of the jobs (per queue and
 * state, the ones running for long, the one the check waited for), the server's connections as
 * PostgreSQL sees them (state, wait, open transaction, the query) with any lock waits, the app
 * pool's figures from /metrics, and the server's last error lines. Enough to tell a backlog from a
 * stuck worker, a lock wait from a lost response, a leaked client from an exhausted pool.
 */
import type postgres from "postgres";

type Row = Record<string, unknown>;

const table = (rows: Row[]) => rows.map((r) => "    " + Object.entries(r).map(([k, v]) => `${k}=${v instanceof Date ? v.toISOString() : JSON.stringify(v)}`).join(" ")).join("\n") || "    (none)";

/** A multi-line report about jobs and connections; never throws (a failed probe is reported). */
export async function jobDiagnostics(sql: postgres.Sql, options: { base: string; output: string[]; mailTo?: string }): Promise<string> {
  const parts: string[] = [];
  const probe = async (title: string, run: () => Promise<string>) => {
    try {
      parts.push(`${title}:\n${await run()}`);
    } catch (error) {
      parts.push(`${title}: (failed: ${(error as Error).message})`);
    }
  };
  await probe("jobs per queue and state", async () =>
    table(await sql`select name, state, count(*)::int as n, min(start_after) as first_start_after, max(completed_on) as last_completed from pgboss.job group by 1, 2 order by 1, 2`),
  );
  await probe("jobs active for more than 5 s", async () =>
    table(await sql`select id, name, retry_count, start_after, started_on, round(extract(epoch from now() - started_on)::numeric, 1) as active_s from pgboss.job where state = 'active' and started_on < now() - interval '5 seconds' order by started_on`),
  );
  if (options.mailTo) {
    await probe(`mail jobs to ${options.mailTo}`, async () =>
      table(await sql`select id, state, retry_count, start_after, started_on, completed_on, output from pgboss.job where name = 'mail.send' and data->>'to' = ${options.mailTo!} order by created_on`),
    );
  }
  await probe("the server's connections", async () =>
    table(
      await sql`select pid, application_name as app, state, wait_event_type as wait_type, wait_event as wait,
        round(extract(epoch from now() - state_change)::numeric, 1) as in_state_s,
        round(extract(epoch from now() - xact_start)::numeric, 1) as xact_s,
        pg_blocking_pids(pid) as blocked_by, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) as query
        from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() order by application_name, state`,
    ),
  );
  await probe("lock waits", async () =>
    table(await sql`select l.pid, l.locktype, l.mode, l.relation::regclass::text as relation, l.transactionid::text as xid from pg_locks l join pg_stat_activity a using (pid) where not l.granted and a.datname = current_database()`),
  );
  await probe("app pool (/metrics)", async () => {
    const res = await fetch(`${options.base}/metrics`);
    if (!res.ok) return `    HTTP ${res.status}`;
    return (await res.text()).split("\n").filter((l) => /^most_db_pool|^most_job/.test(l)).map((l) => `    ${l}`).join("\n") || "    (no pool lines)";
  });
  const errors = options.output.filter((l) => /"level":(40|50|60)/.test(l)).slice(-15).map((l) => `    ${l.slice(0, 400)}`);
  parts.push(`the server's last warnings and errors:\n${errors.join("\n") || "    (none)"}`);
  return parts.join("\n");
}
