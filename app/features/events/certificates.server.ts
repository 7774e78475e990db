/**
 * Participant certificates: the public verification read (by code only, showing only what was
 * printed) and the PDF with the verification link and its QR code.
 */
import { eq } from "drizzle-orm";
import QRCode from "qrcode";
import type { Executor } from "../../../db/client.ts";
import { eventCertificates } from "../../../db/schema/index.ts";
import { A4, createPdfDocument, drawCentred, MUTED } from "../../../server/pdf/document.ts";
import { hoursText } from "./room.server.ts";
import { CertificateCode } from "./room-schemas.ts";

/** What a certificate states and the verification page shows: nothing else about the person. */
export interface CertificateFacts {
  code: string;
  personName: string;
  eventTitle: string;
  dates: string;
  hours: string;
  organiser: string;
}

/** The certificate with this code, or null (a malformed code is simply not found). */
export async function findCertificate(ex: Executor, code: string): Promise<CertificateFacts | null> {
  const parsed = CertificateCode.safeParse(code.trim().toUpperCase());
  if (!parsed.success) return null;
  const [row] = await ex.select().from(eventCertificates).where(eq(eventCertificates.code, parsed.data));
  if (!row) return null;
  return { code: row.code, personName: row.personName, eventTitle: row.eventTitle, dates: row.dates, hours: hoursText(row.minutes), organiser: row.organiser };
}

/** The verification address printed on the certificate and in its QR code. */
export const verificationUrl = (origin: string, code: string) => `${origin.replace(/\/+$/, "")}/certificates/${code}`;

/** The certificate as a one-page A4 landscape PDF in DejaVu Sans (one face, so its text extracts). */
export async function certificatePdf(c: CertificateFacts, origin: string): Promise<Uint8Array> {
  const pdf = await createPdfDocument({ title: `Сертификат участника — ${c.eventTitle}`, author: c.organiser, subject: "Сертификат участника мероприятия" });
  const page = pdf.addPage(A4.landscape);
  const url = verificationUrl(origin, c.code);
  let y = page.getHeight() - 90;
  y = drawCentred(page, "СЕРТИФИКАТ УЧАСТНИКА", { y, font: pdf.regular, size: 30 }) - 20;
  y = drawCentred(page, "Настоящим подтверждается, что", { y, font: pdf.regular, size: 14, color: MUTED }) - 8;
  y = drawCentred(page, c.personName, { y, font: pdf.regular, size: 24 }) - 8;
  y = drawCentred(page, "принял(а) участие в мероприятии", { y, font: pdf.regular, size: 14, color: MUTED }) - 6;
  y = drawCentred(page, `«${c.eventTitle}»`, { y, font: pdf.regular, size: 18, width: page.getWidth() - 160 }) - 10;
  y = drawCentred(page, `Даты проведения: ${c.dates}`, { y, font: pdf.regular, size: 14 });
  y = drawCentred(page, `Объём: ${c.hours}`, { y, font: pdf.regular, size: 14 });
  drawCentred(page, `Организатор: ${c.organiser}`, { y, font: pdf.regular, size: 14, width: page.getWidth() - 160 });

  const qr = await pdf.doc.embedPng(await QRCode.toBuffer(url, { type: "png", margin: 1, width: 240, errorCorrectionLevel: "M" }));
  const size = 96;
  page.drawImage(qr, { x: 60, y: 40, width: size, height: size });
  page.drawText("Проверить подлинность:", { x: 60 + size + 16, y: 40 + size - 20, size: 11, font: pdf.regular, color: MUTED });
  page.drawText(url, { x: 60 + size + 16, y: 40 + size - 38, size: 11, font: pdf.regular });
  page.drawText(`Код сертификата: ${c.code}`, { x: 60 + size + 16, y: 40 + size - 56, size: 11, font: pdf.regular });
  return pdf.save();
}
