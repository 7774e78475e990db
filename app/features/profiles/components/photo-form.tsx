import { Form } from "react-router";
import { Card } from "~/components/ui/layout";
import { Button } from "~/components/ui/button";
import { Avatar } from "./avatar";

/** Upload or remove the profile photo (a plain multipart form: works without JavaScript). */
export function PhotoForm({ photoUrl, error }: { photoUrl: string | null; error?: string }) {
  return (
    <Card aria-labelledby="photo-heading">
      <h2 id="photo-heading" className="mb-3 text-lg font-semibold">Фотография</h2>
      <div className="flex flex-wrap items-start gap-4">
        <Avatar name="" photoUrl={photoUrl} size={96} />
        <div className="flex flex-col gap-3">
          <Form method="post" action="/account/photo" encType="multipart/form-data" className="flex flex-col gap-2">
            <label htmlFor="field-photo" className="font-medium">Новая фотография</label>
            <p id="field-photo-hint" className="text-sm text-muted">JPEG, PNG или WebP до 5 МБ. Мы обрежем её до квадрата и удалим сведения о камере и месте съёмки.</p>
            <input id="field-photo" type="file" name="photo" accept="image/jpeg,image/png,image/webp" aria-describedby={error ? "field-photo-error" : "field-photo-hint"} aria-invalid={error ? true : undefined} />
            {error ? <p id="field-photo-error" className="text-sm text-red-800">{error}</p> : null}
            <div><Button type="submit" name="intent" value="upload" variant="secondary">Загрузить</Button></div>
          </Form>
          {photoUrl ? (
            <Form method="post" action="/account/photo">
              <Button type="submit" name="intent" value="remove" variant="ghost">Удалить фотографию</Button>
            </Form>
          ) : null}
        </div>
      </div>
    </Card>
  );
}
