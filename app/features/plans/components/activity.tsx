import type { PlanItemCard } from "../page.server";

/** The activity's fields as a description list. */
export function ActivityDetails({ item: i }: { item: PlanItemCard }) {
  const rows: [string, string][] = [
    ["Тип", i.type],
    ["Срок", i.term],
    ["Ответственный", i.responsible],
    ["Ожидаемый результат", i.expected],
    ["Статус", i.statusLabel],
  ];
  return (
    <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
      {rows
        .filter(([, v]) => v)
        .map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-muted">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
    </dl>
  );
}

const KIND_LABELS: Record<string, string> = { event: "Мероприятие платформы", practice: "Практика из библиотеки", link: "Ссылка", file: "Файл" };

/** Evidence links; outside links open as plain links with no referrer of the private page. */
export function EvidenceList({ evidence }: { evidence: PlanItemCard["evidence"] }) {
  if (!evidence.length) return <p className="text-sm text-muted">Материалов нет.</p>;
  return (
    <ul className="mt-1 flex flex-col gap-1" data-testid="evidence">
      {evidence.map((e) => (
        <li key={e.id}>
          <span className="text-sm text-muted">{KIND_LABELS[e.kind] ?? "Ссылка"}: </span>
          <a href={e.url} rel={e.kind === "link" ? "noopener noreferrer nofollow" : undefined}>
            {e.label}
          </a>
        </li>
      ))}
    </ul>
  );
}
