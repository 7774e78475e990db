import { describe, expect, it } from "vitest";
import { makeDocx, makeOdt, makePdf } from "../../../tests/fixtures/search/attachments.ts";
import { extractText } from "./extract.server.ts";

const TEXT = "Протокол взаимопосещения уроков\nЁмкость задания: палеонтологическая экскурсия (5–9 классы)";

describe("extractText", () => {
  it("reads Cyrillic text of a PDF drawn with a CID font and a ToUnicode map", async () => {
    const r = await extractText("pdf", makePdf(TEXT));
    expect(r.status).toBe("done");
    expect(r.text).toBe(TEXT);
  });

  it("reads DOCX and ODT paragraphs", async () => {
    expect(await extractText("docx", await makeDocx(TEXT))).toEqual({ status: "done", text: TEXT });
    expect(await extractText("ODT", await makeOdt(TEXT))).toEqual({ status: "done", text: TEXT });
  });

  it("never throws on broken or unknown files", async () => {
    expect(await extractText("pdf", new TextEncoder().encode("not a pdf"))).toEqual({ status: "failed", text: "" });
    expect(await extractText("docx", new Uint8Array([1, 2, 3]))).toEqual({ status: "failed", text: "" });
    expect(await extractText("png", new Uint8Array([1, 2, 3]))).toEqual({ status: "unsupported", text: "" });
  });
});
