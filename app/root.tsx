import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "react-router";
import { useEffect, type ReactNode } from "react";
import type { Route } from "./+types/root";
import { SiteFooter } from "~/components/shell/footer";
import { SiteHeader } from "~/components/shell/header";
import { ConnectionIndicator } from "~/components/shell/connection-indicator";
import { Container, PageHeader } from "~/components/ui/layout";
import { ButtonLink } from "~/components/ui/button";
import stylesheet from "./app.css?url";
import { services } from "~/services.server";
import { profileZoneContext, viewerZoneOf } from "~/features/accounts/viewer-zone.server";
import { bellState } from "~/features/notifications/queries.server";
import { personTimeZone } from "~/features/profiles/queries.server";
import { resolveViewer, viewerContext, viewerOf } from "~/features/accounts/viewer.server";
import { canOpenDashboard } from "~/features/dashboard/policy.server";
import { readSessionToken, sessionCookie } from "~/features/accounts/sessions.server";

/** Resolves the signed-in person once per request; a dead session cookie is cleared. */
export const middleware: Route.MiddlewareFunction[] = [
  async ({ request, context }, next) => {
    const { db, clock } = services(context);
    const cookie = request.headers.get("Cookie");
    const viewer = await resolveViewer(cookie, db, clock.now());
    context.set(viewerContext, viewer);
    context.set(profileZoneContext, viewer.id ? await personTimeZone(db, viewer.id) : null);
    const response = await next();
    if (!viewer.id && readSessionToken(cookie) && !response.headers.get("Set-Cookie")?.includes("most-session")) {
      response.headers.append("Set-Cookie", sessionCookie(null));
    }
    return response;
  },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { db, clock } = services(context);
  const viewer = viewerOf(context);
  const zone = await viewerZoneOf(request, context, clock.now());
  const isAdmin = viewer.roles.some((r) => r.role === "admin");
  const user = viewer.id ? { id: viewer.id, name: viewer.name ?? "", isAdmin, isCoordinator: isAdmin || viewer.roles.some((r) => r.role === "coordinator"), seesDashboard: canOpenDashboard(viewer), bell: await bellState(db, viewer.id) } : null;
  return { zone, user };
}

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  return (
    <html lang="ru">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
      </head>
      <body>
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Перейти к содержанию
        </a>
        <SiteHeader user={root?.user ?? null} />
        <main id="main" tabIndex={-1} className="flex-1 py-6 sm:py-10">
          {children}
        </main>
        <SiteFooter zone={root ? { label: root.zone.label, source: root.zone.source } : undefined} />
        <ConnectionIndicator />
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  // Marks the document once React has hydrated it: journeys wait for it before acting on a page
  // whose first click would otherwise race hydration.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "1";
  }, []);
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <Container>
        <title>Страница не найдена — Мост</title>
        <PageHeader title="Страница не найдена" lead="Возможно, ссылка устарела или в адресе опечатка." />
        <ButtonLink to="/">На главную</ButtonLink>
      </Container>
    );
  }
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message =
    isRouteErrorResponse(error) && status < 500 && typeof error.data === "string" && error.data
      ? error.data
      : "На сервере произошла ошибка. Мы уже записали её; попробуйте обновить страницу через минуту.";
  return (
    <Container>
      <title>{status >= 500 ? "Ошибка сервера — Мост" : "Ошибка — Мост"}</title>
      <PageHeader title={status >= 500 ? "Что-то пошло не так" : "Запрос не выполнен"} lead={message} />
      <p className="mb-4 text-sm text-muted">Код ошибки: {status}</p>
      <ButtonLink to="/">На главную</ButtonLink>
    </Container>
  );
}
