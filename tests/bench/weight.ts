/**
 * Page weight from the build: gzipped JavaScript per route, split into the framework entry (React,
 * React Router, shared chunks) and the app's own code for that route, plus HTML + CSS per page.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const clientDir = "build/client";
const gz = (buf: Buffer | string) => zlib.gzipSync(buf, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

interface Manifest {
  entry: { module: string; imports?: string[] };
  routes: Record<string, { module: string; imports?: string[]; css?: string[] }>;
}

function readManifest(): Manifest {
  const dir = path.join(clientDir, "assets");
  const file = fs.readdirSync(dir).find((f) => /^manifest-.*\.js$/.test(f));
  if (!file) throw new Error("no React Router manifest in build/client/assets: run `npm run build`");
  const text = fs.readFileSync(path.join(dir, file), "utf8");
  const json = text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1);
  return JSON.parse(json) as Manifest;
}

const sizeOf = (url: string) => gz(fs.readFileSync(path.join(clientDir, url.replace(/^\//, ""))));

export async function reportWeight(base: string, pages: string[]): Promise<void> {
  const manifest = readManifest();
  const framework = new Set([manifest.entry.module, ...(manifest.entry.imports ?? [])]);
  const frameworkBytes = [...framework].reduce((s, u) => s + sizeOf(u), 0);
  console.log(`framework + React (entry and its chunks): ${kb(frameworkBytes)} gzipped`);
  const root = manifest.routes.root!;
  for (const [id, route] of Object.entries(manifest.routes)) {
    const own = new Set<string>();
    for (const r of id === "root" ? [root] : [root, route]) for (const u of [r.module, ...(r.imports ?? [])]) if (!framework.has(u)) own.add(u);
    const bytes = [...own].reduce((s, u) => s + sizeOf(u), 0);
    console.log(`route ${id}: app JavaScript ${kb(bytes)} gzipped (bar ≤ 60 KB)`);
  }
  for (const page of pages) {
    const html = await (await fetch(`${base}${page}`)).text();
    const css = [...html.matchAll(/<link\b[^>]*>/g)]
      .map((m) => m[0])
      .filter((tag) => /rel="stylesheet"/.test(tag))
      .map((tag) => /href="([^"]+)"/.exec(tag)![1]!);
    const cssBytes = css.reduce((s, u) => s + sizeOf(u), 0);
    console.log(`page ${page}: HTML ${kb(gz(html))} + CSS ${kb(cssBytes)} = ${kb(gz(html) + cssBytes)} gzipped (bar ≤ 60 KB)`);
  }
}
