import { execSync } from "node:child_process";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);

/**
 * Debian's Chromium; Playwright never downloads a browser here. Debian's headless shell (package
 * chromium-headless-shell, the build Playwright itself prefers for headless runs) when installed: it
 * costs the 2-core CI machine far less CPU than the full browser in headless mode (decision 004).
 */
function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execSync("command -v chromium-headless-shell || command -v chromium || command -v chromium-browser", { shell: "/bin/sh" }).toString().trim();
  } catch {
    throw new Error("Chromium is not installed: apt-get install -y chromium (or set CHROMIUM_PATH)");
  }
}

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  // One retry on CI only: the 2-core CI machine runs two browsers, the server and PostgreSQL at
  // once, and a journey that passes on its retry is reported as flaky in the summary, never hidden.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 7_000 },
  reporter: process.env.PW_JSON_REPORT
    ? [["list"], ["json", { outputFile: process.env.PW_JSON_REPORT }]]
    : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "ru-RU",
    timezoneId: "Europe/Moscow",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined }, testIgnore: /\.clock\.spec\.ts$/ },
    // Tests that move the server's business clock run afterwards, one at a time, so a deadline they
    // pass never lands in the middle of another test.
    { name: "clock", use: { ...devices["Desktop Chrome"], channel: undefined }, testMatch: /\.clock\.spec\.ts$/, dependencies: ["chromium"], workers: 1 },
  ],
  webServer: {
    command: "node tests/setup/e2e-server.ts",
    url: `http://localhost:${port}/healthz`,
    // E2E_REUSE=1 runs the journeys against a server already listening on E2E_PORT (to read its log while debugging).
    reuseExistingServer: Boolean(process.env.E2E_REUSE),
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(port) },
  },
});
