/**
 * Which search engine this deployment uses: Meilisearch when MEILI_HOST is configured, otherwise
 * PostgreSQL full-text search on the app's own database (PGlite included).
 */
import type { AppServices } from "../../services.server.ts";
import { createMeiliProvider } from "./meilisearch.server.ts";
import { createPostgresProvider } from "./postgres.server.ts";
import type { SearchProvider } from "./provider.ts";

const cache = new WeakMap<object, SearchProvider>();

/** The provider of this process (one per services object). */
export function searchProvider(services: Pick<AppServices, "db" | "config">): SearchProvider {
  let provider = cache.get(services.db);
  if (!provider) {
    provider = services.config.MEILI_HOST ? createMeiliProvider({ host: services.config.MEILI_HOST, apiKey: services.config.MEILI_KEY }) : createPostgresProvider(services.db);
    cache.set(services.db, provider);
  }
  return provider;
}
