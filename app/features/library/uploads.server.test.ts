import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import JSZip from "jszip";
import { fakeExe, tinyDocx, tinyPdf } from "../../../tests/factories/library.ts";
import { checkFileName, checkUpload, contentDisposition } from "./uploads.server.ts";
import { isStorageKey, localFileStorage, newAttachmentKey } from "./storage.server.ts";

describe("attachment checks", () => {
  it("accepts real files whose bytes agree with the extension", async () => {
    expect(await checkUpload("Конспект.docx", await tinyDocx())).toMatchObject({ ok: true, extension: "docx" });
    expect(await checkUpload("материалы.PDF", tinyPdf())).toMatchObject({ ok: true, extension: "pdf", contentType: "application/pdf" });
    const odt = new JSZip();
    odt.file("mimetype", "application/vnd.oasis.opendocument.text", { compression: "STORE" });
    odt.file("content.xml", "<x/>");
    expect(await checkUpload("план.odt", await odt.generateAsync({ type: "uint8array" }))).toMatchObject({ ok: true, extension: "odt" });
    const cfb = new Uint8Array(4096);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await checkUpload("старый.doc", cfb)).toMatchObject({ ok: true, extension: "doc" });
  });
  it("refuses a program renamed to a document, a DOCX renamed to PDF, and unknown bytes", async () => {
    expect(await checkUpload("урок.pdf", fakeExe())).toMatchObject({ ok: false, error: expect.stringContaining("не соответствует расширению .pdf") });
    expect(await checkUpload("урок.pdf", await tinyDocx())).toMatchObject({ ok: false });
    expect(await checkUpload("урок.docx", new TextEncoder().encode("просто текст"))).toMatchObject({ ok: false });
  });
  it("refuses names with a path, parent references, control characters or a leading dot, and unknown extensions", () => {
    for (const bad of ["../x.pdf", "a/b.pdf", "a\\b.pdf", "x\n.pdf", ".pdf", "..pdf", " x.pdf", ""]) expect(checkFileName(bad).ok, bad).toBe(false);
    for (const bad of ["x.exe", "x.html", "x.svg", "x", "x.pdf.js"]) expect(checkFileName(bad)).toMatchObject({ ok: false, error: expect.stringContaining("не принимаются") });
    expect(checkFileName("План работы (2026).xlsx")).toEqual({ ok: true, extension: "xlsx" });
  });
  it("Content-Disposition: an ASCII fallback and the real name as RFC 5987 filename*, nothing that breaks the header", () => {
    expect(contentDisposition("Конспект урока.docx", "docx")).toBe(`attachment; filename="file.docx"; filename*=UTF-8''%D0%9A%D0%BE%D0%BD%D1%81%D0%BF%D0%B5%D0%BA%D1%82%20%D1%83%D1%80%D0%BE%D0%BA%D0%B0.docx`);
    const header = contentDisposition('plan"; filename=evil.exe\r\n.pdf', "pdf");
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/"/g)).toHaveLength(2);
    expect(contentDisposition("Lesson plan.pdf", "pdf")).toContain('filename="Lesson plan.pdf"');
  });
});

describe("local file storage", () => {
  it("stores under server-made keys only and never outside its folder", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "most-files-"));
    const storage = localFileStorage(dir);
    const key = newAttachmentKey("pdf");
    await storage.put(key, tinyPdf());
    expect(await storage.get(key)).toEqual(tinyPdf());
    expect(fs.existsSync(path.join(dir, key))).toBe(true);
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    for (const bad of ["../x", "/etc/passwd", "practices/../../x", "Practices/X.pdf", "a//b"]) {
      expect(isStorageKey(bad), bad).toBe(false);
      await expect(storage.put(bad, tinyPdf())).rejects.toThrow();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
