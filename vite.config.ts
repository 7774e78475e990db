import path from "node:path";
import { reactRouter } from "@react-router/dev/vite";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";

export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  environments: {
    // The server build's entry is our own app module, so the custom server and the React Router
    // build share one instance of every app module (see docs/decisions/002).
    ssr: { build: { rollupOptions: { input: "./server/app.ts" } } },
  },
  ssr: {
    // One copy of react-router for Vite's SSR graph and Node (architecture.md, dev traps).
    noExternal: ["@react-router/express"],
  },
  server: { hmr: { port: Number(process.env.HMR_PORT ?? 24678) } },
  plugins: [tailwindcss(), reactRouter()],
});
