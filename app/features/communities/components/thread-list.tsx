import { Link } from "react-router";
import { EmptyState } from "~/components/ui/layout";
import { countRu } from "~/utils/plural";
import { NEW_REPLIES, REPLIES } from "../strings";

export interface ThreadListData {
  total: number;
  page: number;
  pages: number;
  items: Array<{
    id: string;
    title: string;
    pinned: boolean;
    locked: boolean;
    solved: boolean;
    replyCount: number;
    unread: number;
    author: { name: string; href: string | null };
    lastActivity: { iso: string; text: string; full: string };
  }>;
}

const badge = "rounded px-2 py-0.5 text-xs font-semibold";

/** A community's threads: pinned first, then by last activity, with replies and who started them. */
export function ThreadList({ threads }: { threads: ThreadListData }) {
  if (threads.items.length === 0) return <EmptyState title="Обсуждений пока нет">Начните первую тему: задайте вопрос коллегам или поделитесь опытом.</EmptyState>;
  return (
    <>
      <ul className="flex flex-col divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="Темы">
        {threads.items.map((t) => (
          <li key={t.id} className="flex flex-col gap-1 p-4">
            <p className="flex flex-wrap items-center gap-2">
              {t.pinned ? <span className={`${badge} bg-brand-50 text-brand-800`}>закреплено</span> : null}
              {t.locked ? <span className={`${badge} bg-slate-100 text-slate-800`}>закрыто</span> : null}
              {t.solved ? <span className={`${badge} bg-green-100 text-green-900`}>есть решение</span> : null}
              <Link to={`/threads/${t.id}`} className="font-semibold">{t.title}</Link>
              {t.unread > 0 ? (
                <Link to={`/threads/${t.id}#new-replies`} className={`${badge} bg-brand-600 text-white`} data-unread={t.unread}>
                  {countRu(t.unread, NEW_REPLIES)}
                </Link>
              ) : null}
            </p>
            <p className="text-sm text-muted">
              {t.author.href ? <Link to={t.author.href}>{t.author.name}</Link> : t.author.name} · {countRu(t.replyCount, REPLIES)} · <time dateTime={t.lastActivity.iso} title={t.lastActivity.full}>{t.lastActivity.text}</time>
            </p>
          </li>
        ))}
      </ul>
      {threads.pages > 1 ? (
        <nav aria-label="Страницы обсуждений" className="flex items-center gap-4">
          {threads.page > 1 ? <Link to={`?page=${threads.page - 1}`}>← Назад</Link> : null}
          <span>Страница {threads.page} из {threads.pages}</span>
          {threads.page < threads.pages ? <Link to={`?page=${threads.page + 1}`}>Дальше →</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
