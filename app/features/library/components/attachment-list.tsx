import { Form } from "react-router";
import { FILES } from "../strings";
import { countRu } from "~/utils/plural";

export interface AttachmentView {
  id: string;
  name: string;
  extension: string;
  size: number;
  href: string;
}

const sizeLabel = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toLocaleString("ru-RU", { maximumFractionDigits: 1 })} МБ` : `${Math.max(1, Math.round(bytes / 1024))} КБ`);

/** Files of a version as download links; authors editing a version also get «Удалить». */
export function AttachmentList({ files, removable = false, headingId }: { files: AttachmentView[]; removable?: boolean; headingId?: string }) {
  if (files.length === 0) return <p className="text-sm text-muted">Файлов нет.</p>;
  return (
    <ul className="flex flex-col gap-2" aria-labelledby={headingId} aria-label={headingId ? undefined : countRu(files.length, FILES)}>
      {files.map((f) => (
        <li key={f.id} className="flex flex-wrap items-center gap-3">
          <a href={f.href} download className="font-medium">
            {f.name}
          </a>
          <span className="text-sm text-muted">
            {f.extension}, {sizeLabel(f.size)}
          </span>
          {removable ? (
            <Form method="post">
              <input type="hidden" name="intent" value="remove-file" />
              <input type="hidden" name="attachmentId" value={f.id} />
              <button type="submit" className="min-h-11 rounded-md px-2 text-sm text-red-800 underline" aria-label={`Удалить файл ${f.name}`}>
                Удалить
              </button>
            </Form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
