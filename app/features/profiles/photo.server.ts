import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_SIDE = 320;
const ACCEPTED = new Set(["image/jpeg", "image/png", "image/webp"]);

export type PhotoResult = { ok: true; image: Uint8Array; contentType: "image/webp" } | { ok: false; error: string };

/**
 * Checks an uploaded photo by size and by its bytes (not by the name or the browser's word),
 * then re-encodes it as a square WebP: metadata (EXIF, GPS) is dropped and anything hidden in
 * the original file is gone with it.
 */
export async function processPhoto(bytes: Uint8Array): Promise<PhotoResult> {
  if (bytes.byteLength === 0) return { ok: false, error: "Выберите файл с фотографией." };
  if (bytes.byteLength > PHOTO_MAX_BYTES) return { ok: false, error: "Фотография больше 5 МБ. Уменьшите её и попробуйте снова." };
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !ACCEPTED.has(type.mime)) return { ok: false, error: "Это не фотография в формате JPEG, PNG или WebP." };
  try {
    const meta = await sharp(bytes, { limitInputPixels: 40_000_000 }).metadata();
    if (!meta.width || !meta.height || meta.width < 64 || meta.height < 64) return { ok: false, error: "Фотография слишком маленькая: нужно хотя бы 64 × 64 точки." };
    const image = await sharp(bytes, { limitInputPixels: 40_000_000 })
      .rotate()
      .resize(PHOTO_SIDE, PHOTO_SIDE, { fit: "cover", position: "attention" })
      .webp({ quality: 82 })
      .toBuffer();
    return { ok: true, image: new Uint8Array(image), contentType: "image/webp" };
  } catch {
    return { ok: false, error: "Не удалось прочитать фотографию: файл повреждён." };
  }
}
