/** Test factories for the library: staff of a school, experts, practice form input, small real files. */
import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { practiceAuthors, practices, practiceVersions, roleGrants, staffMemberships } from "../../db/schema/index.ts";
import JSZip from "jszip";
import type { PracticeInput } from "../../app/features/library/schemas.ts";
import { makePerson } from "./people.ts";

export { makePerson, viewerOfUser } from "./people.ts";

/** A person with a confirmed place of work (and optional roles). */
export async function makeStaff(ex: Executor, organisationId: string, over: Parameters<typeof makePerson>[1] = {}): Promise<string> {
  const id = await makePerson(ex, over);
  const now = new Date("2026-11-01T00:00:00Z");
  await ex.insert(staffMemberships).values({ userId: id, organisationId, position: "учитель", status: "confirmed", requestedAt: now, decidedAt: now });
  return id;
}

/** A complete practice form. */
export function practiceInput(over: Partial<PracticeInput> = {}): PracticeInput {
  return {
    kind: "practice",
    title: `Лист самооценки на уроках математики ${Math.random().toString(36).slice(2, 6)}`,
    summary: "Как пятиклассники сами отмечают, что поняли на уроке, и как учитель меняет план следующего урока по этим листам.",
    bodyText: "Каждый урок заканчивается листом самооценки из трёх вопросов.\n\nУчитель собирает листы и группирует класс на следующем уроке.",
    subjects: ["math"],
    gradeBands: ["5-9"],
    themes: ["formative-assessment"],
    coauthors: [],
    ...over,
  };
}

/** A tiny but real DOCX (a zip package with a Word document part). */
export async function tinyDocx(text = "Конспект урока"): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`);
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`);
  zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`);
  return zip.generateAsync({ type: "uint8array" });
}

/** A minimal PDF (header and one empty page). */
export function tinyPdf(): Uint8Array {
  return new TextEncoder().encode("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
}

/** The first bytes of a Windows program (MZ … PE), as a renamed executable would carry. */
export function fakeExe(): Uint8Array {
  const exe = new Uint8Array(1024);
  exe.set([0x4d, 0x5a]);
  exe.set([0x50, 0x45, 0, 0], 128);
  new DataView(exe.buffer).setUint32(0x3c, 128, true);
  return exe;
}

/**
 * Practices of the policy matrix, authored by `member` for a school of Забайкальский край where
 * `schoolAdminOwn` works: a published one, a draft and a submitted one. `schoolAdminOwn` and
 * `coordinatorOwn` also get the region's expert role (call this before the personas' sessions),
 * so the matrix shows that an expert of the author's own school cannot take the review.
 */
export async function libraryMatrixFixtures(ex: Executor, ids: { member: string; schoolAdminOwn: string; coordinatorOwn: string }, school: { id: string; regionId: string }, now: Date) {
  for (const userId of [ids.schoolAdminOwn, ids.coordinatorOwn]) await ex.insert(roleGrants).values({ userId, role: "expert", scopeType: "region", scopeId: school.regionId, grantedAt: now });
  const make = async (status: "draft" | "submitted" | "published", title: string) => {
    const [p] = await ex.insert(practices).values({ createdBy: ids.member, organisationId: school.id, regionId: school.regionId, createdAt: now }).returning({ id: practices.id });
    const doc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Описание практики для матрицы прав доступа." }] }] };
    const [v] = await ex
      .insert(practiceVersions)
      .values({ practiceId: p!.id, number: 1, status, kind: "practice", title, summary: "Практика для проверки матрицы прав доступа.", body: doc, bodyHtml: "<p>Описание практики для матрицы прав доступа.</p>", subjects: ["math"], gradeBands: ["5-9"], themes: ["formative-assessment"], createdBy: ids.member, createdAt: now, updatedAt: now, submittedAt: status === "draft" ? null : now, publishedAt: status === "published" ? now : null })
      .returning({ id: practiceVersions.id });
    const published = status === "published" ? { publishedVersionId: v!.id, title, titleSort: title.toLowerCase(), summary: "Практика для проверки матрицы прав доступа.", kind: "practice" as const, subjects: ["math"], gradeBands: ["5-9"], themes: ["formative-assessment"], publishedAt: now, updatedAt: now } : {};
    await ex.update(practices).set({ currentVersionId: v!.id, ...published }).where(eq(practices.id, p!.id));
    await ex.insert(practiceAuthors).values({ practiceId: p!.id, userId: ids.member, position: 0, addedAt: now });
    return p!.id;
  };
  return { publishedId: await make("published", "Матрица: опубликованная практика"), draftId: await make("draft", "Матрица: черновик"), submittedId: await make("submitted", "Матрица: на экспертизу") };
}
