/**
 * Control of the throw-away PostgreSQL cluster that `.ci/run` owns (or one made the same way):
 * found through the `PGDATA` and `PG_CTL` it exports. The fault test kills it by pid and starts it
 * again with the options it was started with (`$PGDATA/postmaster.opts`), as the cluster's owner.
 * Never point these variables at a cluster other people use.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export interface Cluster {
  pgdata: string;
  pgCtl: string;
}

/** The cluster from the environment, or the reason the fault test cannot run. */
export function clusterFromEnv(env: NodeJS.ProcessEnv = process.env): Cluster | { skip: string } {
  const pgdata = env.PGDATA;
  const pgCtl = env.PG_CTL;
  if (!pgdata || !pgCtl) return { skip: "PGDATA and PG_CTL are not set (.ci/run exports them for its own throw-away cluster); the PostgreSQL fault test needs a cluster it may kill" };
  if (!env.DATABASE_URL) return { skip: "DATABASE_URL is not set: it must point at the cluster in PGDATA" };
  if (!fs.existsSync(path.join(pgdata, "postmaster.opts"))) return { skip: `${pgdata} holds no postmaster.opts: not a cluster started by pg_ctl` };
  if (!fs.existsSync(pgCtl)) return { skip: `PG_CTL ${pgCtl} does not exist` };
  return { pgdata, pgCtl };
}

/** The postmaster's pid (first line of postmaster.pid), or null when it is not running. */
export function postmasterPid(c: Cluster): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(c.pgdata, "postmaster.pid"), "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Pids whose parent is `pid` (the backends and auxiliary processes of a postmaster). */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent pid; the command name (field 2) may hold spaces.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // the process went away while we looked
    }
  }
  return out;
}

/**
 * Kills the cluster as a crash would: SIGKILL to the postmaster and to every process it started
 * (no shutdown checkpoint, no goodbye to clients). Returns the postmaster's pid.
 */
export function killPostgres(c: Cluster): number {
  const pid = postmasterPid(c);
  if (!pid) throw new Error(`no running postmaster in ${c.pgdata}`);
  const children = childrenOf(pid);
  process.kill(pid, "SIGKILL");
  for (const child of children) {
    try {
      process.kill(child, "SIGKILL");
    } catch {
      // already gone
    }
  }
  return pid;
}

/** The options the cluster was started with, from postmaster.opts, without the binary and `-D`. */
export function startOptions(c: Cluster): string[] {
  const text = fs.readFileSync(path.join(c.pgdata, "postmaster.opts"), "utf8").trim();
  const args = [...text.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "-D") i++;
    else out.push(args[i]!);
  }
  return out;
}

const quote = (s: string) => (/^[A-Za-z0-9_./=:-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** Runs a command as the cluster's owner: `runuser -u postgres` when we are root (as .ci/run does). */
function asOwner(command: string, args: string[]) {
  const [cmd, argv] = process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  return spawnSync(cmd, argv, { encoding: "utf8", timeout: 60_000 });
}

/**
 * Starts the cluster again with its own options (`pg_ctl start` alone would not reuse them: only
 * `restart` reads postmaster.opts). Crash recovery runs first; pg_ctl waits until it accepts
 * connections. Retries while the killed backends still hold the old shared memory.
 */
export async function startPostgres(c: Cluster): Promise<void> {
  const options = startOptions(c).map(quote).join(" ");
  let last = "";
  for (let attempt = 0; attempt < 20; attempt++) {
    const r = asOwner(c.pgCtl, ["-D", c.pgdata, "-l", path.join(c.pgdata, "server.log"), "-w", "-t", "60", "-o", options, "start"]);
    if (r.status === 0) return;
    last = `${r.stdout}${r.stderr}`;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`pg_ctl start failed: ${last}`);
}
