import { Link } from "react-router";
import { Alert, Card } from "~/components/ui/layout";
import { StatList } from "~/components/ui/stat";
import { countRu, formatNumberRu } from "~/utils/plural";
import { FORMS, IMPORT_UI } from "../messages";
import type { PreviewView } from "../view";

const schools = (n: number) => countRu(n, FORMS.school);

/** Which column of the file became which field, and which were left out. */
function ColumnMap({ preview }: { preview: PreviewView }) {
  return (
    <Card aria-labelledby="columns-heading">
      <h2 id="columns-heading" className="mb-3 text-lg font-semibold">
        {IMPORT_UI.columnsMapHeading}
      </h2>
      {preview.headerLine ? <p className="mb-2 text-sm text-muted">{IMPORT_UI.headerLine(preview.headerLine)}</p> : null}
      <ul className="grid gap-1 text-sm sm:grid-cols-2">
        {preview.columns.map((c, i) => (
          <li key={i}>
            «{c.header}» → {c.field ? <strong>{c.field}</strong> : <span className="text-muted">{c.note}</span>}
          </li>
        ))}
        {preview.missing.map((label) => (
          <li key={`missing-${label}`} className="text-red-800">
            {IMPORT_UI.columnMissing(label)}
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** One page of the file's errors, with links to the others (plain links: no JavaScript needed). */
function ErrorList({ errors }: { errors: PreviewView["errors"] }) {
  const to = errors.from + errors.items.length - 1;
  return (
    <Card aria-labelledby="errors-heading">
      <h2 id="errors-heading" className="mb-1 text-lg font-semibold">
        {IMPORT_UI.errorsHeading}
      </h2>
      <p className="mb-3 text-sm text-muted">{IMPORT_UI.errorsShown(errors.from, to, countRu(errors.total, FORMS.error))}</p>
      <ol start={errors.from} className="flex list-decimal flex-col gap-1 pl-6 text-sm">
        {errors.items.map((e, i) => (
          <li key={errors.from + i}>{e}</li>
        ))}
      </ol>
      {errors.pages > 1 ? (
        <nav aria-label="Страницы ошибок" className="mt-3 flex gap-4 text-sm">
          {errors.page > 1 ? <Link to={`?page=${errors.page - 1}`}>{IMPORT_UI.errorsPrev}</Link> : null}
          <span>
            Страница {errors.page} из {errors.pages}
          </span>
          {errors.page < errors.pages ? <Link to={`?page=${errors.page + 1}`}>{IMPORT_UI.errorsNext}</Link> : null}
        </nav>
      ) : null}
    </Card>
  );
}

/** A few of the planned changes, so the coordinator can check the file was understood right. */
function Sample({ preview }: { preview: PreviewView }) {
  if (!preview.sample.length) return null;
  return (
    <Card aria-labelledby="sample-heading">
      <h2 id="sample-heading" className="mb-3 text-lg font-semibold">
        {IMPORT_UI.sampleHeading}
      </h2>
      <ul className="flex flex-col gap-2 text-sm">
        {preview.sample.map((s) => (
          <li key={s.line}>
            <span className="text-muted">Строка {s.line}, ИНН {s.inn}:</span> {s.name} —{" "}
            {s.action === "create" ? IMPORT_UI.sampleCreate : IMPORT_UI.sampleUpdate}
            {s.changes.length ? (
              <ul className="mt-1 list-disc pl-6">
                {s.changes.map((c, i) => (
                  <li key={i}>
                    {c.label}: {c.from ?? "—"} → {c.to ?? "—"}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      {preview.sampleRest > 0 ? <p className="mt-2 text-sm text-muted">{IMPORT_UI.sampleMore(schools(preview.sampleRest))}</p> : null}
    </Card>
  );
}

/**
 * The preview of an upload: the file as understood, the counts, the errors and examples of the
 * changes. The confirm form is the caller's (only a valid, not yet applied upload shows it).
 */
export function ImportPreview({ preview, clearAbsent }: { preview: PreviewView; clearAbsent: boolean }) {
  const stats = preview.stats;
  return (
    <div className="flex flex-col gap-6">
      {!preview.ok ? <Alert tone="error">{IMPORT_UI.rejectedAlert(countRu(preview.errors.total, FORMS.error))}</Alert> : null}
      {preview.readable ? <ColumnMap preview={preview} /> : null}
      {stats ? (
        <section aria-labelledby="stats-heading">
          <h2 id="stats-heading" className="mb-3 text-lg font-semibold">
            {IMPORT_UI.statsHeading}
          </h2>
          <StatList
            items={[
              { label: IMPORT_UI.create, value: schools(stats.create) },
              { label: IMPORT_UI.update, value: schools(stats.update) },
              { label: IMPORT_UI.unchanged, value: schools(stats.unchanged) },
              { label: IMPORT_UI.absent, value: schools(stats.absent), hint: clearAbsent ? IMPORT_UI.absentCleared : IMPORT_UI.absentKept },
              { label: IMPORT_UI.invalid, value: formatNumberRu(stats.invalid) },
            ]}
          />
          {!preview.ok ? <p className="mt-2 text-sm text-muted">{IMPORT_UI.statsIfFixed}</p> : null}
          {preview.absent.names.length ? (
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer text-brand-700">{IMPORT_UI.absentList}</summary>
              <ul className="mt-1 list-disc pl-6 text-muted">
                {preview.absent.names.map((name, i) => (
                  <li key={i}>{name}</li>
                ))}
              </ul>
              {preview.absent.rest ? <p className="mt-1 text-muted">{IMPORT_UI.sampleMore(schools(preview.absent.rest))}</p> : null}
            </details>
          ) : null}
        </section>
      ) : null}
      {preview.errors.total ? <ErrorList errors={preview.errors} /> : null}
      <Sample preview={preview} />
    </div>
  );
}
