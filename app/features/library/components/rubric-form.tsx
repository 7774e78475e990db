import { Form } from "react-router";
import { Button } from "~/components/ui/button";
import { RUBRIC, SCORE_MAX, SCORE_MIN } from "../strings";

const SCORES = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i);

/**
 * The expert's rubric: a score of 1–5 and a comment per criterion, an overall comment to the
 * author, and the decision. Accepting needs every score; returning needs the comment.
 */
export function RubricForm({ errors = {}, values = {} }: { errors?: Record<string, string>; values?: Record<string, string> }) {
  return (
    <Form method="post" className="flex flex-col gap-5" aria-labelledby="rubric-heading">
      <h2 id="rubric-heading" className="text-xl font-semibold">
        Экспертное заключение
      </h2>
      <input type="hidden" name="intent" value="decide" />
      {errors.form ? (
        <p role="alert" className="text-sm text-red-800">
          {errors.form}
        </p>
      ) : null}
      {RUBRIC.map((c) => {
        const error = errors[`score_${c.code}`];
        return (
          <fieldset key={c.code} className="flex flex-col gap-2 rounded-md border border-slate-200 p-3" aria-describedby={`hint-${c.code}${error ? ` error-${c.code}` : ""}`}>
            <legend className="px-1 font-semibold">{c.label}</legend>
            <p id={`hint-${c.code}`} className="text-sm text-muted">
              {c.hint}
            </p>
            <div className="flex flex-wrap gap-3" role="radiogroup" aria-label={`${c.label}: оценка`}>
              {SCORES.map((n) => (
                <label key={n} className="flex min-h-11 items-center gap-2">
                  <input type="radio" name={`score_${c.code}`} value={n} defaultChecked={values[`score_${c.code}`] === String(n)} className="size-5" />
                  {n}
                </label>
              ))}
            </div>
            {error ? (
              <p id={`error-${c.code}`} className="text-sm text-red-800">
                {error}
              </p>
            ) : null}
            <label htmlFor={`comment-${c.code}`} className="text-sm font-medium">
              Комментарий к критерию «{c.label}»
            </label>
            <textarea id={`comment-${c.code}`} name={`comment_${c.code}`} rows={2} maxLength={2000} defaultValue={values[`comment_${c.code}`] ?? ""} className="rounded-md border border-slate-400 p-2" />
          </fieldset>
        );
      })}
      <div className="flex flex-col gap-1">
        <label htmlFor="review-comment" className="font-medium">
          Заключение для автора
        </label>
        <p id="review-comment-hint" className="text-sm text-muted">
          При возврате на доработку напишите, что именно исправить.
        </p>
        <textarea id="review-comment" name="comment" rows={5} maxLength={5000} defaultValue={values.comment ?? ""} aria-describedby={errors.comment ? "review-comment-error" : "review-comment-hint"} aria-invalid={errors.comment ? true : undefined} className="rounded-md border border-slate-400 p-3" />
        {errors.comment ? (
          <p id="review-comment-error" className="text-sm text-red-800">
            {errors.comment}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="decision" value="accept">
          Принять и опубликовать
        </Button>
        <Button type="submit" name="decision" value="return" variant="secondary">
          Вернуть на доработку
        </Button>
      </div>
    </Form>
  );
}

/** The scores of a decided review (for the author and the history). */
export function RubricScores({ scores }: { scores: { label: string; score: number | null; comment?: string }[] }) {
  return (
    <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[1fr_auto]">
      {scores.map((s) => (
        <div key={s.label} className="contents">
          <dt>{s.label}</dt>
          <dd className="font-semibold">
            {s.score !== null ? `${s.score} из ${SCORE_MAX}` : "—"}
            {s.comment ? <span className="block text-sm font-normal text-muted">{s.comment}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
