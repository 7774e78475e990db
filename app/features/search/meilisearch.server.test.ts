import { describe, it } from "vitest";
import { createMeiliProvider } from "./meilisearch.server.ts";
import { providerContract } from "./contract.test-suite.ts";

const host = process.env.MEILI_HOST;

if (host) {
  describe("Meilisearch search provider", () => {
    providerContract(async () => createMeiliProvider({ host, apiKey: process.env.MEILI_KEY, index: `most_test_${Date.now().toString(36)}` }));
  });
} else {
  describe("Meilisearch search provider", () => {
    it("skipped: MEILI_HOST not set", () => {
      console.log("skipped: MEILI_HOST not set");
    });
  });
}
