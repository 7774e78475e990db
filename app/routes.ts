import { type RouteConfig, index, route } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("preferences/time-zone", "routes/preferences.time-zone.tsx"),
  route("__test/empty", "routes/test-empty.tsx"),
  route("__test/stream/:name", "routes/test-stream.tsx"),
  route("admin/outbox", "routes/admin.outbox.tsx"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
