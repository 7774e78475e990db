import { data, Form, Link } from "react-router";
import type { Route } from "./+types/unsubscribe";
import { services } from "~/services.server";
import { NOTIFICATION_KINDS } from "~/features/notifications/catalogue";
import { unsubscribeRefusal } from "~/features/notifications/policy.server";
import { UnsubscribeForm } from "~/features/notifications/schemas";
import { checkUnsubscribe, unsubscribeByToken } from "~/features/notifications/settings.server";
import { SETTINGS_TEXT as T } from "~/features/notifications/strings";
import { Button } from "~/components/ui/button";
import { Alert, Card, Container, PageHeader } from "~/components/ui/layout";

export const meta: Route.MetaFunction = () => [{ title: "Отписка от писем — Мост" }, { name: "robots", content: "noindex" }];

// The token is in the address: never send it on as a referrer, never cache the page.
export const headers: Route.HeadersFunction = () => ({ "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" });

type Scope = { kind: string | null; label: string | null };
const scopeOf = (scope: string): Scope => (scope === "all" ? { kind: null, label: null } : { kind: scope, label: NOTIFICATION_KINDS[scope as keyof typeof NOTIFICATION_KINDS]?.label ?? null });

/** GET: the confirmation page (nothing changes on a GET: link scanners of mail servers open links). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const parsed = UnsubscribeForm.safeParse({ token: new URL(request.url).searchParams.get("token") ?? undefined });
  if (!parsed.success) return data({ error: T.invalidToken, token: "", scope: null, done: false }, { status: 400 });
  const check = await checkUnsubscribe(services(context), parsed.data.token);
  const refusal = unsubscribeRefusal(check);
  if (refusal || !check.ok) return data({ error: refusal?.message ?? T.invalidToken, token: "", scope: null, done: false }, { status: refusal?.status ?? 400 });
  return { error: null, token: parsed.data.token, scope: scopeOf(check.claim.scope), done: false };
}

/** POST without a session: our confirmation form, or a mail client's one-click (RFC 8058). A CSRF exception. */
export async function action({ request, context }: Route.ActionArgs) {
  const body = Object.fromEntries(await request.formData());
  const parsed = UnsubscribeForm.safeParse({ ...body, token: typeof body.token === "string" ? body.token : (new URL(request.url).searchParams.get("token") ?? undefined) });
  if (!parsed.success) return data({ error: T.invalidToken, token: "", scope: null, done: false }, { status: 400 });
  const outcome = await unsubscribeByToken(services(context), parsed.data.token);
  const refusal = unsubscribeRefusal(outcome);
  if (refusal || !outcome.ok) return data({ error: refusal?.message ?? T.invalidToken, token: "", scope: null, done: false }, { status: refusal?.status ?? 400 });
  return { error: null, token: "", scope: scopeOf(outcome.claim.scope), done: true };
}

export default function Unsubscribe({ loaderData, actionData }: Route.ComponentProps) {
  const d = actionData ?? loaderData;
  return (
    <Container className="max-w-2xl">
      <PageHeader title={T.unsubscribeTitle} />
      {d.error ? (
        <Alert tone="error">{d.error}</Alert>
      ) : d.done ? (
        <Alert tone="success">{d.scope?.label ? T.unsubscribedKind(d.scope.label) : T.unsubscribedAll}</Alert>
      ) : (
        <Card>
          <p className="mb-2">{d.scope?.label ? T.unsubscribeKind(d.scope.label) : T.unsubscribeAll}</p>
          <p className="mb-4 text-sm text-muted">{T.unsubscribeKeep}</p>
          <Form method="post">
            <input type="hidden" name="token" value={d.token} />
            <Button type="submit">{T.unsubscribeButton}</Button>
          </Form>
        </Card>
      )}
      <p className="mt-6 text-sm">
        {T.unsubscribeSettings} <Link to="/account/notifications">{T.link}</Link>
      </p>
    </Container>
  );
}
