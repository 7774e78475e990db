/**
 * The contract every search provider passes: morphology, ё/е, typos, attachments, filters,
 * facets, sorts, visibility by grants and escaped snippets. Run by postgres.server.test.ts (both
 * engines) and meilisearch.server.test.ts (when MEILI_HOST is set).
 */
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { xssPayloads } from "../../../tests/fixtures/xss-payloads.ts";
import type { SearchDocument, SearchProvider } from "./provider.ts";
import { MARK_END, MARK_START } from "./text.ts";

const uuid = () => crypto.randomUUID();

export function doc(over: Partial<SearchDocument> & Pick<SearchDocument, "kind" | "title">): SearchDocument {
  return {
    refId: uuid(),
    url: "/x",
    summary: "",
    body: "",
    attachmentsText: "",
    access: ["public"],
    subjects: [],
    gradeBands: [],
    themes: [],
    docKind: null,
    regionId: null,
    publishedAt: new Date("2026-10-01T00:00:00Z"),
    usefulness: 0,
    ...over,
  };
}

/** Registers the shared contract tests for a provider made by `make` (called once, in beforeAll). */
export function providerContract(make: () => Promise<SearchProvider>): void {
  let p: SearchProvider;
  const community = uuid();
  const partnership = uuid();
  const practiceDraft = uuid();
  const region = uuid();
  const docs = {
    assessment: doc({ kind: "practice", title: "Формирующее оценивание на уроках математики", summary: "Листы самооценки и критерии для 5–9 классов", body: "Учитель договаривается с классом о критериях и даёт обратную связь.", subjects: ["math"], gradeBands: ["5-9"], themes: ["formative-assessment"], regionId: region, usefulness: 3, publishedAt: new Date("2026-09-01T00:00:00Z") }),
    yo: doc({ kind: "practice", title: "Ёжик в тумане: чтение с увлечением", summary: "Приём медленного чтения", subjects: ["russian"], gradeBands: ["1-4"], usefulness: 9, publishedAt: new Date("2026-10-15T00:00:00Z") }),
    pdf: doc({ kind: "practice", title: "Методический кейс для сельской школы", summary: "Материалы в приложении", attachmentsText: "Протокол взаимопосещения: палеонтологическая экскурсия в музей", subjects: ["biology"] }),
    draft: doc({ kind: "practice", refId: practiceDraft, title: "Черновик: секретная методика ксилофонии", access: [`practice:${practiceDraft}`] }),
    closed: doc({ kind: "thread", title: "Закрытое обсуждение директоров про бюджетирование", body: "Бюджетирование школы на следующий год", access: [`community:${community}`] }),
    workspace: doc({ kind: "thread", title: "Рабочее пространство: взаимопосещение уроков химии", body: "График взаимопосещения уроков химии", access: [`partnership:${partnership}`] }),
    thread: doc({ kind: "thread", title: "Как организовать оценивание проектов", body: "Делимся рубриками для оценивания проектов по математике", subjects: ["math"], docKind: "community", publishedAt: new Date("2026-11-01T00:00:00Z") }),
    person: doc({ kind: "person", title: "Ирина Соколова", summary: "учитель математики", body: "Могу помочь: формирующее оценивание" }),
    org: doc({ kind: "organisation", title: "МБОУ «Средняя школа № 5» посёлка Агинское", docKind: "school", regionId: region }),
  };

  beforeAll(async () => {
    p = await make();
    await p.reset();
    await p.index(Object.values(docs));
  });

  const refs = (r: { hits: Array<{ refId: string }> }) => r.hits.map((h) => h.refId);

  describe("finding", () => {
    it("finds inflected forms («оцениванию» finds «оценивание»)", async () => {
      const r = await p.search("оцениванию", ["public"], { perPage: 50 });
      expect(refs(r)).toContain(docs.assessment.refId);
      expect(refs(r)).toContain(docs.thread.refId);
    });

    it("treats ё and е alike, both ways", async () => {
      const plain = await p.search("ежик", ["public"]);
      expect(refs(plain)).toContain(docs.yo.refId);
      // PostgreSQL keeps the text as written: a page shows «Ёжик», highlighted for «ежик».
      if (p.name === "postgres") expect(plain.hits[0]?.titleHtml).toContain("<mark>Ёжик</mark>");
      expect(refs(await p.search("ёжик", ["public"]))).toContain(docs.yo.refId);
      expect(refs(await p.search("посёлок Агинское", ["public"]))).toContain(docs.org.refId);
      expect(refs(await p.search("поселок агинское", ["public"]))).toContain(docs.org.refId);
    });

    it("finds a misspelled word and says which query ran", async () => {
      const r = await p.search("оцениваине", ["public"]);
      expect(refs(r)).toContain(docs.assessment.refId);
      // PostgreSQL corrects the query and says so; Meilisearch tolerates the typo itself.
      if (p.name === "postgres") {
        expect(r.correctedFrom).toBe("оцениваине");
        expect(r.query).not.toBe("оцениваине");
      }
    });

    it("finds a word that occurs only in an attachment", async () => {
      expect(refs(await p.search("палеонтологической", ["public"]))).toEqual([docs.pdf.refId]);
    });

    it("accepts the web search syntax: quotes and minus", async () => {
      const r = await p.search("оценивание -проектов", ["public"], { perPage: 50 });
      expect(refs(r)).toContain(docs.assessment.refId);
      expect(refs(r)).not.toContain(docs.thread.refId);
      expect(refs(await p.search('"обратную связь"', ["public"]))).toEqual([docs.assessment.refId]);
    });

    it("finds nothing for an empty or stop-word-only query", async () => {
      expect((await p.search("", ["public"])).total).toBe(0);
      expect((await p.search("   и в на  ", ["public"])).total).toBe(0);
    });

    it("matches the last word as a prefix when asked (instant box)", async () => {
      expect(refs(await p.search("формирующее оцени", ["public"], { prefix: true }))).toContain(docs.assessment.refId);
    });
  });

  describe("filters, facets, sorts, pages", () => {
    it("filters by subject, grade band, theme, kind and region and counts facets", async () => {
      const all = await p.search("оценивание", ["public"], { perPage: 50 });
      expect(all.facets.kind).toEqual(expect.arrayContaining([{ value: "practice", count: 1 }, { value: "thread", count: 1 }, { value: "person", count: 1 }]));
      expect(all.facets.subject).toEqual([{ value: "math", count: 2 }]);
      const math = await p.search("оценивание", ["public"], { subject: "math", kind: "practice" });
      expect(refs(math)).toEqual([docs.assessment.refId]);
      expect(math.total).toBe(1);
      // A facet's counts leave out its own filter, so the alternatives stay visible.
      expect(math.facets.kind).toEqual(expect.arrayContaining([{ value: "thread", count: 1 }]));
      expect(refs(await p.search("оценивание", ["public"], { grade: "5-9" }))).toEqual([docs.assessment.refId]);
      expect(refs(await p.search("оценивание", ["public"], { theme: "formative-assessment" }))).toEqual([docs.assessment.refId]);
      expect(refs(await p.search("школа", ["public"], { region, docKind: "school" }))).toEqual([docs.org.refId]);
    });

    it("sorts by date and usefulness, pages and groups by kind", async () => {
      const byDate = await p.search("оценивание", ["public"], { sort: "date", perPage: 50 });
      expect(refs(byDate)[0]).toBe(docs.thread.refId);
      const byUse = await p.search("оценивание", ["public"], { sort: "usefulness", kind: "practice" });
      expect(refs(byUse)[0]).toBe(docs.assessment.refId);
      const page2 = await p.search("оценивание", ["public"], { sort: "date", perPage: 1, page: 2 });
      expect(refs(page2)).toEqual([refs(byDate)[1]]);
      expect(page2.total).toBe(byDate.total);
      const grouped = await p.search("оценивание", ["public"], { perKind: 1 });
      expect(new Set(grouped.hits.map((h) => h.kind)).size).toBe(grouped.hits.length);
    });

    it("replaces a document on re-index and forgets a removed one", async () => {
      await p.index([{ ...docs.pdf, attachmentsText: "Новый протокол без экскурсии" }]);
      expect((await p.search("палеонтологической", ["public"])).total).toBe(0);
      await p.index([docs.pdf]);
      expect((await p.search("палеонтологической", ["public"])).total).toBe(1);
      await p.remove([{ kind: "practice", refId: docs.pdf.refId }]);
      expect((await p.search("палеонтологической", ["public"])).total).toBe(0);
      await p.index([docs.pdf]);
    });
  });

  describe("visibility by grants", () => {
    const cases = [
      ["a draft practice", "ксилофонии", () => docs.draft, `practice:${practiceDraft}`],
      ["a closed community's thread", "бюджетирование", () => docs.closed, `community:${community}`],
      ["a partnership workspace thread", "взаимопосещение химии", () => docs.workspace, `partnership:${partnership}`],
    ] as const;
    for (const [what, query, target, grant] of cases) {
      it(`never shows ${what} without its grant, in hits, totals and facets`, async () => {
        const guest = await p.search(query, ["public"]);
        expect(refs(guest)).not.toContain(target().refId);
        expect(guest.total).toBe(0);
        expect(guest.facets.kind).toEqual([]);
        const other = await p.search(query, ["public", `community:${uuid()}`, `partnership:${uuid()}`, `practice:${uuid()}`]);
        expect(other.total).toBe(0);
        expect(refs(await p.search(query, ["public", grant]))).toContain(target().refId);
        expect(refs(await p.search(query, "all"))).toContain(target().refId);
      });
    }

    it("never suggests a correction taken from a text the viewer may not read", async () => {
      const r = await p.search("ксилофониии", ["public"]);
      expect(r.total).toBe(0);
      expect(r.correctedFrom).toBeNull();
    });
  });

  describe("snippets", () => {
    it("highlights matches with <mark> in escaped text", async () => {
      const [hit] = (await p.search("критериям", ["public"])).hits;
      expect(hit?.snippetHtml).toMatch(/<mark>критери[а-я]*<\/mark>/);
      expect(hit?.titleHtml).toBe("Формирующее оценивание на уроках математики");
    });

    it("renders the XSS corpus stored in titles and texts as inert text", async () => {
      const payloads = xssPayloads();
      const evil = payloads.map((payload, i) => doc({ kind: i % 2 ? "thread" : "practice", title: `Зловред ${payload}`, summary: `зловред ${payload}`, body: `${payload} зловредный текст ${payload}` }));
      await p.index(evil);
      const r = await p.search("зловред", ["public"], { perPage: 1000 });
      expect(r.hits.length).toBe(evil.length);
      for (const h of r.hits) {
        for (const html of [h.titleHtml, h.snippetHtml]) {
          const withoutMarks = html.replace(/<\/?mark>/g, "");
          expect(withoutMarks).not.toMatch(/[<>]/);
          expect(withoutMarks.includes(MARK_START) || withoutMarks.includes(MARK_END)).toBe(false);
        }
      }
      await p.remove(evil.map((d) => ({ kind: d.kind, refId: d.refId })));
    });
  });
}
