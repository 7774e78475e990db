import { Form } from "react-router";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/layout";
import { ROLE_LABELS } from "../strings";

interface Props {
  community: { description: string; closed: boolean };
  me: { signedIn: boolean; status: string | null; role: "member" | "moderator" | "owner" | null; reason: string | null; following: boolean };
  can: { join: boolean; leave: boolean; follow: boolean };
}

function IntentButton({ intent, children, variant = "primary" }: { intent: string; children: string; variant?: "primary" | "secondary" | "ghost" }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <Button type="submit" variant={variant}>{children}</Button>
    </Form>
  );
}

/** The description and what the viewer can do about membership: join, ask, withdraw, leave, follow. */
export function MembershipPanel({ community, me, can }: Props) {
  return (
    <Card aria-labelledby="about-heading">
      <h2 id="about-heading" className="sr-only">О сообществе</h2>
      <p className="whitespace-pre-line">{community.description}</p>
      <div className="mt-4 flex flex-col gap-3">
        {me.status === "active" && me.role ? <p className="font-medium">Вы {me.role === "member" ? "участник" : ROLE_LABELS[me.role]} этого сообщества.</p> : null}
        {me.status === "requested" ? <p className="font-medium" role="status">Заявка отправлена. Модераторы рассмотрят её и сообщат решение в уведомлениях.</p> : null}
        {me.status === "declined" ? <p className="text-sm">Ваша прошлая заявка отклонена{me.reason ? `: ${me.reason}` : "."} Можно подать новую.</p> : null}
        <div className="flex flex-wrap items-start gap-3">
          {can.join && !community.closed ? <IntentButton intent="join">Вступить</IntentButton> : null}
          {can.join && community.closed ? (
            <Form method="post" className="flex w-full flex-col gap-2 sm:max-w-xl">
              <input type="hidden" name="intent" value="join" />
              <label htmlFor="join-note" className="font-medium">Сообщение модераторам (необязательно)</label>
              <textarea id="join-note" name="note" rows={2} maxLength={500} className="rounded-md border border-slate-400 bg-white px-3 py-2" placeholder="Например: учитель химии, МБОУ СОШ № 2, 8–11 классы" />
              <div><Button type="submit">Подать заявку</Button></div>
            </Form>
          ) : null}
          {can.leave ? <IntentButton intent="leave" variant="secondary">{me.status === "requested" ? "Отозвать заявку" : "Выйти из сообщества"}</IntentButton> : null}
          {me.signedIn && me.following ? <IntentButton intent="unfollow" variant="ghost">Отписаться</IntentButton> : null}
          {can.follow && !me.following ? <IntentButton intent="follow" variant="ghost">Подписаться на новые темы</IntentButton> : null}
        </div>
        {!me.signedIn ? <p className="text-sm text-muted">Чтобы вступить, войдите или зарегистрируйтесь.</p> : null}
      </div>
    </Card>
  );
}
