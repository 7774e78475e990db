/** The search page's query string (browser-safe); anything malformed is ignored, never an error. */
import { z } from "zod";
import { SUBJECT_CODES, TOPIC_CODES } from "~/features/vocabulary";
import { SEARCH_KINDS, SEARCH_SORTS } from "./provider";

export const SearchQuery = z.object({
  q: z.string().trim().max(200).catch("").default(""),
  kind: z.enum(SEARCH_KINDS).optional().catch(undefined),
  subject: z.enum(SUBJECT_CODES).optional().catch(undefined),
  grade: z.enum(["1-4", "5-9", "10-11"]).optional().catch(undefined),
  theme: z.enum(TOPIC_CODES).optional().catch(undefined),
  type: z
    .string()
    .regex(/^[a-z_]{2,30}$/)
    .optional()
    .catch(undefined),
  region: z.string().uuid().optional().catch(undefined),
  sort: z.enum(SEARCH_SORTS).catch("relevance").default("relevance"),
  page: z.coerce.number().int().min(1).max(500).catch(1).default(1),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

/** The instant box's query. */
export const SuggestQuery = z.object({ q: z.string().trim().max(100).catch("").default("") });

/** The query string of a search with some parameters changed (empty values dropped, page reset unless given). */
export function searchHref(query: Partial<SearchQuery>, change: Partial<Record<keyof SearchQuery, string | number | undefined>>): string {
  const merged: Record<string, unknown> = { ...query, page: undefined, ...change };
  const params = new URLSearchParams();
  for (const key of ["q", "kind", "subject", "grade", "theme", "type", "region", "sort", "page"] as const) {
    const v = merged[key];
    if (v === undefined || v === "" || (key === "sort" && v === "relevance") || (key === "page" && v === 1)) continue;
    params.set(key, String(v));
  }
  return `/search?${params}`;
}
