import { Form, redirect } from "react-router";
import type { Route } from "./+types/notifications";
import { services } from "~/services.server";
import { requireUser } from "~/features/accounts/policy.server";
import { viewerZoneOf } from "~/features/accounts/viewer-zone.server";
import { parseForm } from "~/features/accounts/actions.server";
import { markNotificationsRead } from "~/features/notifications/commands.server";
import { listNotifications, notificationHref, NOTIFICATIONS_PAGE_SIZE } from "~/features/notifications/queries.server";
import { listModerationQueue } from "~/features/discussions/queries.server";
import { NotificationsAction } from "~/features/notifications/schemas";
import { describeNotification, NOTIFICATION_TEXT as T, UNREAD_FORMS } from "~/features/notifications/strings";
import { Button } from "~/components/ui/button";
import { Alert, Container, EmptyState, PageHeader } from "~/components/ui/layout";
import { countRu } from "~/utils/plural";
import { formatDateTime } from "~/utils/datetime";

export const meta: Route.MetaFunction = () => [{ title: "Уведомления — Мост" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = requireUser(request, context);
  const { db, clock } = services(context);
  const page = Math.max(1, Number(new URL(request.url).searchParams.get("page")) || 1);
  const zone = await viewerZoneOf(request, context, clock.now());
  const list = await listNotifications(db, viewer, page);
  const openReports = (await listModerationQueue(db, viewer)).length;
  return {
    openReports,
    page,
    pages: Math.max(1, Math.ceil(list.total / NOTIFICATIONS_PAGE_SIZE)),
    unread: list.unread,
    items: list.items.map((n) => ({ id: n.id, href: n.href, read: n.read, at: formatDateTime(n.createdAt, zone), iso: n.createdAt.toISOString(), text: describeNotification(n.kind, n.payload, n.actor?.name ?? null), excerpt: typeof n.payload.excerpt === "string" ? n.payload.excerpt : typeof n.payload.reason === "string" ? `Причина: ${n.payload.reason}` : null })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const viewer = requireUser(request, context);
  const form = await parseForm(request, NotificationsAction);
  if (!form.ok) return form.response;
  const d = form.data;
  await markNotificationsRead(services(context), viewer.id, d.intent === "read-all" ? "all" : [d.id]);
  if (d.intent === "open") {
    // Opening an unread notification marks it read on the way; only paths of this site are followed.
    const href = await notificationHref(services(context).db, viewer.id, d.id);
    if (href?.startsWith("/") && !href.startsWith("//")) return redirect(href);
  }
  return redirect("/notifications");
}

export default function Notifications({ loaderData: d, actionData }: Route.ComponentProps) {
  return (
    <Container className="max-w-3xl">
      <PageHeader
        title={T.title}
        lead={d.unread > 0 ? countRu(d.unread, UNREAD_FORMS) : "Все уведомления прочитаны."}
        actions={
          d.unread > 0 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="read-all" />
              <Button type="submit" variant="secondary">
                {T.markAll}
              </Button>
            </Form>
          ) : null
        }
      />
      <p className="mb-4">
        <a href="/account/notifications">Настройки уведомлений: что присылать на почту</a>
      </p>
      {actionData?.errors.form ? <Alert tone="error">{actionData.errors.form}</Alert> : null}
      {d.openReports > 0 ? (
        <p className="mb-4">
          <a href="/moderation">Жалобы в сообществах, которые вы модерируете: {d.openReports}</a>
        </p>
      ) : null}
      {d.items.length === 0 ? (
        <EmptyState title={T.empty}>{T.emptyHint}</EmptyState>
      ) : (
        <ul className="flex flex-col gap-2" aria-label="Список уведомлений">
          {d.items.map((n) => (
            <li key={n.id} className={`flex flex-wrap items-start justify-between gap-2 rounded-md border p-3 ${n.read ? "border-slate-200 bg-white" : "border-brand-700 bg-brand-50"}`}>
              <div className="min-w-0 flex-1">
                {n.read ? (
                  <p>
                    <a href={n.href}>{n.text}</a>
                  </p>
                ) : (
                  <Form method="post">
                    <input type="hidden" name="intent" value="open" />
                    <input type="hidden" name="id" value={n.id} />
                    <button type="submit" className="text-left font-semibold text-brand-700 underline">
                      <span className="sr-only">{T.unreadLabel}: </span>
                      {n.text}
                    </button>
                  </Form>
                )}
                {n.excerpt ? <p className="mt-1 line-clamp-2 text-sm text-muted">{n.excerpt}</p> : null}
                <p className="mt-1 text-xs text-muted">
                  <time dateTime={n.iso}>{n.at}</time>
                </p>
              </div>
              {n.read ? null : (
                <Form method="post">
                  <input type="hidden" name="intent" value="read" />
                  <input type="hidden" name="id" value={n.id} />
                  <button type="submit" className="min-h-11 rounded-md px-3 text-sm font-medium text-brand-700 underline hover:bg-brand-50">
                    {T.markOne}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
      {d.pages > 1 ? (
        <nav aria-label="Страницы" className="mt-4 flex gap-3">
          {d.page > 1 ? <a href={`?page=${d.page - 1}`}>← Новее</a> : null}
          {d.page < d.pages ? <a href={`?page=${d.page + 1}`}>Старше →</a> : null}
        </nav>
      ) : null}
    </Container>
  );
}
