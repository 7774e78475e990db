/** Short lists of published practices for other capabilities' pages (a person, an organisation). */
import type { Executor } from "../../../db/client.ts";
import { practicesOfAuthor, practicesOfOrganisation } from "./queries.server.ts";
import { KIND_LABELS } from "./strings.ts";

export interface PracticeLink {
  id: string;
  title: string;
  kind: string;
}

const linkOf = (p: { id: string; title: string | null; kind: string | null }): PracticeLink => ({ id: p.id, title: p.title ?? "", kind: p.kind ? KIND_LABELS[p.kind as keyof typeof KIND_LABELS] : "" });

/** Published practices a person is an author of (for their page). */
export async function practiceLinksOfAuthor(ex: Executor, userId: string): Promise<PracticeLink[]> {
  return (await practicesOfAuthor(ex, userId, 30)).map(linkOf);
}

/** Published practices of an organisation (for its page). */
export async function practiceLinksOfOrganisation(ex: Executor, organisationId: string): Promise<PracticeLink[]> {
  return (await practicesOfOrganisation(ex, organisationId, 30)).map(linkOf);
}
