import { type RouteConfig, index, route } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("preferences/time-zone", "routes/preferences.time-zone.tsx"),
  route("register", "routes/register.tsx"),
  route("register/confirm", "routes/register.confirm.tsx"),
  route("confirm-email", "routes/confirm-email.tsx"),
  route("login", "routes/login.tsx"),
  route("logout", "routes/logout.tsx"),
  route("forgot-password", "routes/forgot-password.tsx"),
  route("reset-password", "routes/reset-password.tsx"),
  route("account", "routes/account.tsx"),
  route("account/sessions", "routes/account.sessions.tsx"),
  route("legal/personal-data", "routes/legal.personal-data.tsx"),
  route("organisations", "routes/organisations.tsx"),
  route("organisations/:id", "routes/organisations.$id.tsx"),
  route("directory/requests", "routes/directory.requests.tsx"),
  route("__test/empty", "routes/test-empty.tsx"),
  route("__test/error", "routes/test-error.tsx"),
  route("__test/stream/:name", "routes/test-stream.tsx"),
  route("admin/outbox", "routes/admin.outbox.tsx"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
