import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { PHOTO_SIDE, processPhoto } from "./photo.server.ts";

const png = (w: number, h: number) => sharp({ create: { width: w, height: h, channels: 3, background: { r: 200, g: 80, b: 40 } } }).png().toBuffer();

describe("profile photo", () => {
  it("re-encodes a photo as a square WebP of the fixed size", async () => {
    const result = await processPhoto(new Uint8Array(await png(1200, 800)));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const meta = await sharp(result.image).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", PHOTO_SIDE, PHOTO_SIDE]);
  });

  it("drops EXIF metadata (location, camera) from the stored image", async () => {
    const withExif = await sharp(await png(300, 300)).jpeg().withExif({ IFD0: { Make: "Камера", Copyright: "secret" } }).toBuffer();
    expect((await sharp(withExif).metadata()).exif).toBeDefined();
    const result = await processPhoto(new Uint8Array(withExif));
    expect(result.ok && (await sharp(result.image).metadata()).exif).toBeFalsy();
  });

  it("judges the type by the bytes, not the name: a script named .jpg is refused", async () => {
    const result = await processPhoto(new TextEncoder().encode("<script>alert(1)</script>"));
    expect(result).toEqual({ ok: false, error: "Это не фотография в формате JPEG, PNG или WebP." });
  });

  it("refuses a GIF, a tiny image, an empty and an oversized file", async () => {
    const gif = await sharp(await png(100, 100)).gif().toBuffer();
    expect((await processPhoto(new Uint8Array(gif))).ok).toBe(false);
    expect(await processPhoto(new Uint8Array(await png(20, 20)))).toEqual({ ok: false, error: "Фотография слишком маленькая: нужно хотя бы 64 × 64 точки." });
    expect((await processPhoto(new Uint8Array())).ok).toBe(false);
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(await png(100, 100));
    expect(await processPhoto(big)).toEqual({ ok: false, error: "Фотография больше 5 МБ. Уменьшите её и попробуйте снова." });
  });

  it("refuses a truncated image with a clear message", async () => {
    const full = await png(400, 400);
    const result = await processPhoto(new Uint8Array(full.subarray(0, 200)));
    expect(result.ok).toBe(false);
  });
});
