import type { ReactNode } from "react";
import { Alert, Card, Container, PageHeader } from "~/components/ui/layout";

/** The frame of sign-in, registration and recovery pages: narrow, one card, errors on top. */
export function AuthPage({ title, lead, error, notice, children, footer }: { title: string; lead?: ReactNode; error?: string; notice?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <Container className="max-w-lg">
      <PageHeader title={title} lead={lead} />
      <div className="flex flex-col gap-4">
        {error ? <Alert tone="error">{error}</Alert> : null}
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        <Card>{children}</Card>
        {footer ? <div className="text-sm">{footer}</div> : null}
      </div>
    </Container>
  );
}
