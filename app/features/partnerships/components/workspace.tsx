import { Form, Link } from "react-router";
import { Button } from "~/components/ui/button";
import { Card, EmptyState } from "~/components/ui/layout";
import { NewThreadForm } from "~/features/discussions/components/new-thread-form";
import { countRu } from "~/utils/plural";
import type { PartnershipPage } from "../page.server";
import { PersonName } from "./fields";

const REPLIES = ["ответ", "ответа", "ответов"] as const;
const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1).replace(".", ",")} МБ` : `${Math.max(1, Math.round(n / 1024))} КБ`);

/** The private workspace: discussions (the discussion engine, live on the thread pages) and shared files. */
export function WorkspaceCard({ p, clientId, threadError, fileError }: { p: PartnershipPage; clientId: string; threadError?: string; fileError?: string }) {
  if (!p.threads) return null;
  return (
    <section aria-labelledby="workspace" className="flex flex-col gap-4">
      <h2 id="workspace" className="text-xl font-semibold">Рабочее пространство</h2>
      <p className="text-sm text-muted">Видно только участникам партнёрства, куратору и координаторам регионов обеих школ.</p>
      {p.threads.items.length ? (
        <ul aria-label="Обсуждения партнёрства" className="flex flex-col divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {p.threads.items.map((t) => (
            <li key={t.id} className="p-4">
              <Link to={`/threads/${t.id}`} className="font-semibold">{t.title}</Link>
              <p className="text-sm text-muted">{countRu(t.replyCount, REPLIES)} · {t.lastActivity}</p>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title="Обсуждений пока нет" />
      )}
      <Card aria-labelledby="files-heading">
        <h3 id="files-heading" className="mb-2 text-lg font-semibold">Общие файлы</h3>
        {p.files.length ? (
          <ul className="flex flex-col gap-1" aria-label="Файлы партнёрства">
            {p.files.map((f) => (
              <li key={f.id}>
                <a href={`/partnerships/${p.id}/files/${f.id}`} download>{f.name}</a> <span className="text-sm text-muted">({kb(f.size)}, {f.at}, <PersonName person={f.by} />)</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted">Файлов пока нет.</p>
        )}
        {p.can.post ? (
          <Form method="post" action={`/partnerships/${p.id}/files`} encType="multipart/form-data" className="mt-3 flex flex-wrap items-end gap-3">
            <div className="flex flex-col gap-1">
              <label htmlFor="workspace-file" className="font-medium">Файл (PDF, документы, таблицы, презентации, изображения; до 5 МБ)</label>
              <input id="workspace-file" name="file" type="file" required aria-describedby={fileError ? "workspace-file-error" : undefined} />
              {fileError ? <p id="workspace-file-error" className="text-sm text-red-800">{fileError}</p> : null}
            </div>
            <Button type="submit" variant="secondary">Загрузить</Button>
          </Form>
        ) : null}
      </Card>
      {p.can.post ? (
        <Card aria-labelledby="new-thread-heading">
          <h3 id="new-thread-heading" className="mb-3 text-lg font-semibold">Новое обсуждение</h3>
          <NewThreadForm action={`/partnerships/${p.id}`} hidden={{ intent: "thread" }} clientId={clientId} errors={threadError ? { form: threadError } : {}} />
        </Card>
      ) : null}
    </section>
  );
}
