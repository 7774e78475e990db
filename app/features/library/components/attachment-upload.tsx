import { useRef, useState, type FormEvent } from "react";
import { Form, useRevalidator } from "react-router";
import { Button } from "~/components/ui/button";

/**
 * Uploads one file to the practice. Without JavaScript it is a plain multipart form; with it the
 * file goes by XMLHttpRequest so the progress shows, and the page reloads its data afterwards.
 */
export function AttachmentUpload({ practiceId, accept, maxMb, error }: { practiceId: string; accept: string; maxMb: number; error?: string }) {
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(error ? { tone: "error", text: error } : null);
  const input = useRef<HTMLInputElement>(null);
  const { revalidate } = useRevalidator();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const file = input.current?.files?.[0];
    if (!file || typeof XMLHttpRequest === "undefined") return;
    event.preventDefault();
    if (file.size > maxMb * 1024 * 1024) return setMessage({ tone: "error", text: `Файл больше ${maxMb} МБ. Уменьшите его или разделите на части.` });
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/library/${practiceId}/files`);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (e) => e.lengthComputable && setProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      setProgress(null);
      let answer: { ok?: boolean; error?: string } = {};
      try {
        answer = JSON.parse(xhr.responseText) as typeof answer;
      } catch {
        answer = { ok: false, error: xhr.responseText.slice(0, 300) || "Файл не загружен." };
      }
      if (answer.ok) {
        setMessage({ tone: "success", text: `Файл «${file.name}» загружен.` });
        if (input.current) input.current.value = "";
        void revalidate();
      } else setMessage({ tone: "error", text: answer.error ?? "Файл не загружен." });
    };
    xhr.onerror = () => {
      setProgress(null);
      setMessage({ tone: "error", text: "Нет связи с сервером: файл не загружен. Попробуйте ещё раз." });
    };
    setMessage(null);
    setProgress(0);
    xhr.send(new FormData(event.currentTarget));
  }

  return (
    <Form method="post" action={`/library/${practiceId}/files`} encType="multipart/form-data" reloadDocument className="flex flex-col gap-2" onSubmit={onSubmit}>
      <label htmlFor="field-file" className="font-medium">
        Добавить файл
      </label>
      <p id="field-file-hint" className="text-sm text-muted">
        PDF, DOC/DOCX, XLS/XLSX, PPT/PPTX, ODT/ODS/ODP или изображение, до {maxMb} МБ.
      </p>
      <input ref={input} id="field-file" type="file" name="file" accept={accept} required aria-describedby={message?.tone === "error" ? "field-file-error" : "field-file-hint"} aria-invalid={message?.tone === "error" ? true : undefined} />
      {progress !== null ? (
        <div className="flex items-center gap-3">
          <progress max={100} value={progress} aria-label="Загрузка файла" className="h-3 w-full max-w-xs" />
          <span role="status">{progress}%</span>
        </div>
      ) : null}
      {message ? (
        <p id={message.tone === "error" ? "field-file-error" : undefined} role={message.tone === "error" ? "alert" : "status"} className={`text-sm ${message.tone === "error" ? "text-red-800" : "text-green-900"}`}>
          {message.text}
        </p>
      ) : null}
      <div>
        <Button type="submit" variant="secondary" disabled={progress !== null}>
          {progress !== null ? "Загружаем…" : "Загрузить"}
        </Button>
      </div>
    </Form>
  );
}
