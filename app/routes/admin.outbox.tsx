import { useLocation } from "react-router";
import { z } from "zod";
import { Pagination } from "~/components/ui/pagination";
import type { Route } from "./+types/admin.outbox";
import { services } from "~/services.server";
import { resolveViewer } from "~/features/accounts/viewer.server";
import { requireOutboxReader } from "~/features/notifications/policy.server";
import { listOutbox, OUTBOX_PAGE_SIZE } from "~/features/notifications/queries.server";
import { viewerZoneOf } from "~/features/accounts/viewer-zone.server";
import { Card, Container, EmptyState, PageHeader } from "~/components/ui/layout";
import { formatDateTime } from "~/utils/datetime";
import { countRu } from "~/utils/plural";

export const meta: Route.MetaFunction = () => [{ title: "Исходящая почта — Мост" }];

const Query = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });

/** The mail outbox (used when no SMTP server is configured): administrators only. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { db, clock } = services(context);
  const now = clock.now();
  requireOutboxReader(await resolveViewer(request.headers.get("Cookie"), db, now));
  const { page } = Query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const zone = await viewerZoneOf(request, context, now);
  const { total, mails } = await listOutbox(db, page);
  return { total, page, pages: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)), mails: mails.map((m) => ({ ...m, at: formatDateTime(m.at, zone) })) };
}

export default function Outbox({ loaderData }: Route.ComponentProps) {
  const { mails, total, page, pages } = loaderData;
  const location = useLocation();
  return (
    <Container>
      <PageHeader title="Исходящая почта" lead={`${countRu(total, ["письмо", "письма", "писем"])}. Почтовый сервер не настроен, поэтому письма хранятся здесь.`} />
      {mails.length === 0 ? (
        <EmptyState title="Писем пока нет">Письма о подтверждении адреса и сбросе пароля появятся здесь.</EmptyState>
      ) : (
        <ul className="flex flex-col gap-3">
          {mails.map((m) => (
            <li key={m.id}>
              <Card as="article">
                <h2 className="font-semibold">{m.subject}</h2>
                <p className="text-sm text-muted">
                  {m.to} · {m.at}
                </p>
                <pre className="mt-2 whitespace-pre-wrap text-sm">{m.text}</pre>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pages={pages} search={location.search} />
    </Container>
  );
}
