/**
 * Suggestions of leading schools and training sites for a partner school: how their declared
 * strengths and their staff's «могу помочь с» meet the partner staff's «нужна помощь с», distance
 * (municipality, region, another region) and the partnerships each already carries. Staff values are
 * only ever counted: a reason says «3 педагога школы могут помочь…», never who.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Executor } from "../../../db/client.ts";
import { topicLabel } from "../vocabulary/index.ts";
import { countRu, pluralRu } from "../../utils/plural.ts";
import { PARTNERSHIPS } from "./strings.ts";

/** Weights of the score: public, so the reasons and the order can be explained. */
export const MATCH_WEIGHTS = { strength: 3, helper: 2, maxHelpers: 3, sameMunicipality: 6, sameRegion: 3, perPartnership: 2 } as const;

export interface Suggestion {
  organisationId: string;
  shortName: string;
  place: string;
  kinds: string[];
  score: number;
  load: number;
  reasons: string[];
}

type Counts = Map<string, number>;

/** How many confirmed staff of each school name each topic in a profile array column. */
async function staffTopicCounts(ex: Executor, orgIds: readonly string[], column: "needs_help" | "can_help"): Promise<Map<string, Counts>> {
  const out = new Map<string, Counts>();
  if (orgIds.length === 0) return out;
  const rows = await queryRows<{ org: string; topic: string; n: number }>(
    ex,
    sql`select sm.organisation_id as org, t.topic as topic, count(distinct sm.user_id)::int as n
        from staff_memberships sm
        join users u on u.id = sm.user_id and u.status = 'active'
        join profiles p on p.user_id = sm.user_id
        cross join lateral unnest(${sql.raw(`p.${column}`)}) as t(topic)
        where sm.status = 'confirmed' and sm.organisation_id in (${sql.join(orgIds.map((id) => sql`${id}::uuid`), sql`, `)})
        group by sm.organisation_id, t.topic`,
  );
  for (const r of rows) {
    const m = out.get(r.org) ?? new Map<string, number>();
    m.set(r.topic, Number(r.n));
    out.set(r.org, m);
  }
  return out;
}

const DATIVE_TEACHERS = ["педагогу", "педагогам", "педагогам"] as const;

/** The partner school's needs: topic → how many of its confirmed staff need help with it. */
export async function partnerNeeds(ex: Executor, partnerOrgId: string): Promise<Counts> {
  return (await staffTopicCounts(ex, [partnerOrgId], "needs_help")).get(partnerOrgId) ?? new Map();
}

/**
 * Ranks leading schools and training sites (flags of the school year) for a partner school, best
 * first, with the reasons. Schools already in an open partnership with it are left out.
 */
export async function suggestLeaders(ex: Executor, input: { partnerOrgId: string; schoolYear: string; limit?: number }): Promise<{ needs: Array<{ topic: string; label: string; count: number }>; suggestions: Suggestion[] }> {
  const [partner] = await queryRows<{ region_id: string; municipality_id: string | null }>(ex, sql`select region_id, municipality_id from organisations where id = ${input.partnerOrgId}`);
  if (!partner) return { needs: [], suggestions: [] };
  const candidates = await queryRows<{ id: string; short_name: string; region_id: string; municipality_id: string | null; region: string; municipality: string | null; leading: boolean; training_site: boolean; load: number; name_sort: string }>(
    ex,
    sql`select o.id, o.short_name, o.region_id, o.municipality_id, r.name as region, m.name as municipality, y.leading, y.training_site, o.name_sort,
          (select count(*)::int from partnerships p where p.leader_org_id = o.id and p.status in ('proposed','accepted','active')) as load
        from organisations o
        join school_years y on y.organisation_id = o.id and y.school_year = ${input.schoolYear}
        join regions r on r.id = o.region_id
        left join municipalities m on m.id = o.municipality_id
        where o.kind = 'school' and (y.leading or y.training_site) and o.id <> ${input.partnerOrgId}
          and not exists (select 1 from partnerships p where p.leader_org_id = o.id and p.partner_org_id = ${input.partnerOrgId} and p.status in ('proposed','accepted','active'))`,
  );
  const needs = await partnerNeeds(ex, input.partnerOrgId);
  const ids = candidates.map((c) => c.id);
  const helpers = await staffTopicCounts(ex, ids, "can_help");
  const strengths = new Map<string, Set<string>>();
  if (ids.length) {
    const rows = await queryRows<{ org: string; topic: string }>(ex, sql`select organisation_id as org, topic_code as topic from org_strengths where organisation_id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
    for (const r of rows) strengths.set(r.org, (strengths.get(r.org) ?? new Set()).add(r.topic));
  }
  const W = MATCH_WEIGHTS;
  const suggestions = candidates.map((c): Suggestion & { nameSort: string } => {
    const reasons: string[] = [];
    let score = 0;
    for (const [topic, needed] of [...needs].sort((a, b) => b[1] - a[1])) {
      const label = topicLabel(topic);
      if (strengths.get(c.id)?.has(topic)) {
        score += W.strength * needed;
        reasons.push(`Заявленная сильная сторона школы — «${label}»: помощь нужна ${countRu(needed, DATIVE_TEACHERS)} вашей школы`);
      }
      const h = helpers.get(c.id)?.get(topic) ?? 0;
      if (h > 0) {
        score += W.helper * Math.min(h, W.maxHelpers);
        reasons.push(`${countRu(h, ["педагог", "педагога", "педагогов"])} школы ${pluralRu(h, ["может", "могут", "могут"])} помочь с темой «${label}»`);
      }
    }
    if (partner.municipality_id && c.municipality_id === partner.municipality_id) {
      score += W.sameMunicipality;
      reasons.push(`Тот же муниципалитет: ${c.municipality}`);
    } else if (c.region_id === partner.region_id) {
      score += W.sameRegion;
      reasons.push(`Тот же регион: ${c.region}`);
    } else {
      reasons.push(`Другой регион: ${c.region} (межрегиональное партнёрство)`);
    }
    const load = Number(c.load);
    score -= W.perPartnership * load;
    reasons.push(load ? `Уже ведёт ${countRu(load, PARTNERSHIPS)}` : "Пока не ведёт партнёрств");
    const kinds = [c.leading ? "школа-лидер" : null, c.training_site ? "стажировочная площадка" : null].filter((k): k is string => k !== null);
    return { organisationId: c.id, shortName: c.short_name, place: [c.municipality, c.region].filter(Boolean).join(", "), kinds, score, load, reasons, nameSort: c.name_sort };
  });
  suggestions.sort((a, b) => b.score - a.score || a.load - b.load || (a.nameSort < b.nameSort ? -1 : a.nameSort > b.nameSort ? 1 : 0));
  return {
    needs: [...needs].sort((a, b) => b[1] - a[1]).map(([topic, count]) => ({ topic, label: topicLabel(topic), count })),
    suggestions: suggestions.slice(0, input.limit ?? 10).map(({ nameSort: _n, ...s }) => s),
  };
}
