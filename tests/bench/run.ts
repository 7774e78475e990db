/**
 * `npm run bench`: prints figures, asserts nothing (quality.md). Builds first when there is no
 * build. Pass --quick for 3-second measurements (and a smaller live load); --only=live,search
 * (sections: weight, pages, login, live, search, soak, vitals) to run some sections.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { benchPages } from "./pages.ts";
import { startBenchServer } from "./server.ts";
import { reportWeight } from "./weight.ts";
import { benchHash, benchLogin } from "./login.ts";
import { benchSearch } from "./search.ts";
import { benchLive } from "./live-run.ts";
import { benchSoak } from "./soak.ts";
import { benchVitals } from "./vitals.ts";

const quick = process.argv.includes("--quick");
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length).split(",");
const want = (section: string) => !only || only.includes(section);
if (!fs.existsSync(`${process.env.BUILD_DIR ?? "build"}/server/index.js`)) {
  const built = spawnSync("node_modules/.bin/react-router", ["build"], { stdio: "inherit" });
  if (built.status !== 0) process.exit(1);
}
if (want("weight") || want("pages") || want("login")) {
  const server = await startBenchServer({ TRUST_PROXY: "loopback", DEMO_SEED: "always" });
  try {
    if (want("weight")) {
      console.log(`\n# page weight (${new Date().toISOString()})`);
      await reportWeight(server.base, ["/", "/preferences/time-zone"]);
    }
    if (want("pages")) {
      console.log(`\n# page rendering (autocannon, 10 connections, ${quick ? 3 : 10} s per measurement, engine ${process.env.DATABASE_URL ? "postgres" : "pglite"})`);
      await benchPages(server.base, ["/"], quick ? 3 : 10);
    }
    if (want("login")) {
      console.log("\n# sign-in");
      await benchHash();
      await benchLogin(server.base, "teacher.math@most.example", "Мост-демо-2026", quick ? 3 : 10);
    }
  } finally {
    await server.stop();
  }
}
if (want("live")) await benchLive({ quick });
if (want("search")) {
  console.log(`\n# search (${quick ? "quick: 10 000 practices, 100 000 posts" : "100 000 practices, 1 000 000 posts"})`);
  await benchSearch({ quick });
}
if (want("soak")) {
  console.log(`\n# soak: pages, posting and sockets together (${quick ? "quick: 1 minute" : "10 minutes"}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")})`);
  await benchSoak({ quick });
}
if (want("vitals")) {
  console.log("\n# first view on a phone: LCP and CLS (Chromium, Lighthouse mobile throttling)");
  await benchVitals({ quick });
}
