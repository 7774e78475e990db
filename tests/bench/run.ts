/**
 * `npm run bench`: prints figures, asserts nothing (quality.md). Builds first when there is no
 * build. Pass --quick for 3-second measurements.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { benchPages } from "./pages.ts";
import { startBenchServer } from "./server.ts";
import { reportWeight } from "./weight.ts";
import { benchHash, benchLogin } from "./login.ts";

const quick = process.argv.includes("--quick");
if (!fs.existsSync("build/server/index.js")) {
  const built = spawnSync("node_modules/.bin/react-router", ["build"], { stdio: "inherit" });
  if (built.status !== 0) process.exit(1);
}
const server = await startBenchServer({ TRUST_PROXY: "loopback", DEMO_SEED: "always" });
try {
  console.log(`\n# page weight (${new Date().toISOString()})`);
  await reportWeight(server.base, ["/", "/preferences/time-zone"]);
  console.log(`\n# page rendering (autocannon, 10 connections, ${quick ? 3 : 10} s per measurement, engine ${process.env.DATABASE_URL ? "postgres" : "pglite"})`);
  await benchPages(server.base, ["/"], quick ? 3 : 10);
  console.log("\n# sign-in");
  await benchHash();
  await benchLogin(server.base, "teacher.math@most.example", "Мост-демо-2026", quick ? 3 : 10);
} finally {
  await server.stop();
}
