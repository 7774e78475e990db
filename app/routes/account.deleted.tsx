import { Link } from "react-router";
import type { Route } from "./+types/account.deleted";
import { Container, PageHeader } from "~/components/ui/layout";

export const meta: Route.MetaFunction = () => [{ title: "Учётная запись удалена — Мост" }];

export default function AccountDeleted() {
  return (
    <Container className="max-w-2xl">
      <PageHeader title="Учётная запись удалена" lead="Ваши персональные данные удалены, все сеансы завершены. Спасибо, что были с нами." />
      <p>
        Если захотите вернуться, <Link to="/register">зарегистрируйтесь</Link> заново.
      </p>
    </Container>
  );
}
