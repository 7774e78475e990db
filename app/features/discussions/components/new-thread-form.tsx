import { Form, useNavigation } from "react-router";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/form";
import { RichTextEditor } from "../rich-text/editor";

export interface NewThreadFormProps {
  /** Where the form posts; that route's action calls `createThread` (see `parseNewThread`). */
  action: string;
  /** A fresh id from the loader (`newClientId()`): a double submit never starts two threads. */
  clientId: string;
  errors?: Record<string, string | undefined>;
  values?: { title?: string };
  /** Extra hidden fields of the owner's action (e.g. intent). */
  hidden?: Record<string, string>;
}

/** Starting a thread: a title and the first message (rich editor with JavaScript, a textarea without). */
export function NewThreadForm({ action, clientId, errors = {}, values = {}, hidden = {} }: NewThreadFormProps) {
  const busy = useNavigation().state === "submitting";
  return (
    <Form method="post" action={action} className="flex flex-col gap-4" aria-label="Новое обсуждение">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="clientId" value={clientId} />
      <TextField name="title" label="Тема" required minLength={3} maxLength={200} defaultValue={values.title} error={errors.title} />
      <RichTextEditor name="body" label="Первое сообщение" placeholder="О чём вы хотите поговорить с коллегами?" />
      {errors.body ? (
        <p role="alert" className="text-sm text-red-700">
          {errors.body}
        </p>
      ) : null}
      {errors.form ? (
        <p role="alert" className="text-sm text-red-700">
          {errors.form}
        </p>
      ) : null}
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? "Публикуем…" : "Начать обсуждение"}
        </Button>
      </div>
    </Form>
  );
}
