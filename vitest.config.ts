import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  test: {
    include: ["app/**/*.test.{ts,tsx}", "db/**/*.test.ts", "server/**/*.test.ts", "tests/**/*.test.ts"],
    exclude: ["tests/e2e/**", "tests/ops/**", "node_modules/**", "build/**"],
    globalSetup: ["tests/setup/global.ts"],
    pool: "forks",
    // Two files at a time: most tests wait on the database (or on PGlite in its own worker), so two
    // workers keep both cores busy where the default (cores − 1) leaves one idle on CI machines.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
