import { Form, redirect } from "react-router";
import type { Route } from "./+types/certificates";
import { Card, Container, PageHeader } from "~/components/ui/layout";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/form";

export const meta: Route.MetaFunction = () => [{ title: "Проверка сертификата — Мост" }];

/** Typing the code printed on a certificate leads to its verification page. */
export function loader({ request }: Route.LoaderArgs) {
  const code = (new URL(request.url).searchParams.get("code") ?? "").replace(/[\s-]+/g, "").toUpperCase();
  if (code) throw redirect(`/certificates/${encodeURIComponent(code.slice(0, 64))}`);
  return null;
}

export default function CertificateLookup() {
  return (
    <Container className="max-w-2xl">
      <PageHeader title="Проверка сертификата" lead="Введите код, напечатанный внизу сертификата, или отсканируйте его QR-код." />
      <Card>
        <Form method="get" className="flex flex-col gap-3">
          <TextField name="code" label="Код сертификата" autoComplete="off" required maxLength={64} />
          <div>
            <Button type="submit">Проверить</Button>
          </div>
        </Form>
      </Card>
    </Container>
  );
}
