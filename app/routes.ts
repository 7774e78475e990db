import { type RouteConfig, index, route } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("preferences/time-zone", "routes/preferences.time-zone.tsx"),
  route("__test/empty", "routes/test-empty.tsx"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
