import { data } from "react-router";
import type { Route } from "./+types/certificates.$code";
import { services } from "~/services.server";
import { findCertificate } from "~/features/events/certificates.server";
import { CERTIFICATE_NOT_FOUND } from "~/features/events/room-strings";
import { Alert, Card, Container, PageHeader } from "~/components/ui/layout";

export const meta: Route.MetaFunction = () => [{ title: "Проверка сертификата — Мост" }, { name: "robots", content: "noindex" }];

/** The public verification page: reachable without signing in; only what the certificate states. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const certificate = await findCertificate(services(context).db, params.code);
  if (!certificate) return data({ certificate: null }, { status: 404 });
  return { certificate };
}

export default function CertificatePage({ loaderData: { certificate: c } }: Route.ComponentProps) {
  return (
    <Container className="max-w-2xl">
      <PageHeader title="Проверка сертификата" />
      {c ? (
        <Card aria-labelledby="certificate-valid">
          <div className="mb-3">
            <Alert tone="success">
              <span id="certificate-valid">Сертификат действителен</span>
            </Alert>
          </div>
          <dl className="grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]" data-testid="certificate-facts">
            <dt className="font-medium">Участник</dt>
            <dd>{c.personName}</dd>
            <dt className="font-medium">Мероприятие</dt>
            <dd>{c.eventTitle}</dd>
            <dt className="font-medium">Даты</dt>
            <dd>{c.dates}</dd>
            <dt className="font-medium">Объём</dt>
            <dd>{c.hours}</dd>
            <dt className="font-medium">Организатор</dt>
            <dd>{c.organiser}</dd>
            <dt className="font-medium">Код</dt>
            <dd className="font-mono break-all">{c.code}</dd>
          </dl>
        </Card>
      ) : (
        <Alert tone="error">
          <span data-testid="certificate-not-found">{CERTIFICATE_NOT_FOUND}</span>. Проверьте код: он напечатан внизу сертификата.
        </Alert>
      )}
    </Container>
  );
}
