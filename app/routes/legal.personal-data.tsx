import type { Route } from "./+types/legal.personal-data";
import { PERSONAL_DATA_CONSENT } from "~/features/accounts/consent";
import { Card, Container, PageHeader } from "~/components/ui/layout";

export const meta: Route.MetaFunction = () => [{ title: `${PERSONAL_DATA_CONSENT.title} — Мост` }];

export default function PersonalDataConsent() {
  return (
    <Container className="max-w-3xl">
      <PageHeader title={PERSONAL_DATA_CONSENT.title} lead="Редакция от 1 ноября 2026 г." />
      <Card>
        {PERSONAL_DATA_CONSENT.paragraphs.map((p) => (
          <p key={p} className="mb-3 last:mb-0">
            {p}
          </p>
        ))}
      </Card>
    </Container>
  );
}
