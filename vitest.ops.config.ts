import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * The `ops` stage: tests that take the shared PostgreSQL cluster down (faults) or need its
 * binaries (backup and restore). `npm test` runs it after every other PostgreSQL runner; the
 * normal vitest config excludes tests/ops. One file at a time: they share the cluster.
 */
export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  test: {
    include: ["tests/ops/**/*.test.ts"],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
