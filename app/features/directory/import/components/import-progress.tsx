import { useEffect, useState } from "react";
import { useRevalidator } from "react-router";
import { Card } from "~/components/ui/layout";
import { cx } from "~/components/ui/cx";
import { StatList } from "~/components/ui/stat";
import { useStream } from "~/features/realtime/use-stream";
import { countRu } from "~/utils/plural";
import { FORMS, IMPORT_UI } from "../messages";
import { IMPORT_EVENTS, nextProgress, progressLabel, progressPercent, type ProgressState } from "../progress";
import type { ImportPageView } from "../view";

/**
 * The progress of an upload being written: live from the stream `import:<id>`, and reloaded every
 * two seconds by the browser itself when JavaScript is off. When the final event arrives the page
 * reloads its data and shows the result.
 */
export function ImportProgress({ stream, head, initial }: { stream: string; head: number; initial: ProgressState }) {
  const [state, setState] = useState(initial);
  const { revalidate } = useRevalidator();
  useStream(stream, head, (event) => {
    setState((s) => nextProgress(s, event));
    if (event.type === IMPORT_EVENTS.finished) void revalidate();
  });
  // The import may have ended between reading the status and reading the events.
  useEffect(() => {
    if (initial.finished) void revalidate();
  }, [initial.finished, revalidate]);

  const percent = progressPercent(state);
  return (
    <Card aria-labelledby="progress-heading">
      <noscript>
        <meta httpEquiv="refresh" content="2" />
      </noscript>
      <h2 id="progress-heading" className="mb-3 text-lg font-semibold">
        {IMPORT_UI.progressHeading}
      </h2>
      <label htmlFor="import-progress" className="sr-only">
        Ход загрузки
      </label>
      <progress id="import-progress" max={100} value={percent ?? undefined} aria-describedby="import-progress-status" className={cx(
          "h-4 w-full appearance-none overflow-hidden rounded bg-slate-200 [&::-moz-progress-bar]:bg-brand-700 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-brand-700",
          percent === null && "animate-pulse",
        )}>
        {percent === null ? "" : `${percent} %`}
      </progress>
      <p id="import-progress-status" role="status" aria-live="polite" className="mt-2 text-sm">
        {progressLabel(state)}
      </p>
      <p className="mt-2 text-sm text-muted">{IMPORT_UI.confirmNote}</p>
    </Card>
  );
}

/** The result of a finished upload. */
export function ImportResult({ view }: { view: ImportPageView }) {
  const r = view.result;
  if (!r) return null;
  const schools = (n: number) => countRu(n, FORMS.school);
  return (
    <section aria-labelledby="result-heading" className="flex flex-col gap-3">
      <h2 id="result-heading" className="text-lg font-semibold">
        {IMPORT_UI.doneHeading}
      </h2>
      {view.finishedAt ? <p className="text-sm text-muted">{IMPORT_UI.doneAt(view.finishedAt)}</p> : null}
      <StatList
        items={[
          { label: IMPORT_UI.created, value: schools(r.created) },
          { label: IMPORT_UI.updated, value: schools(r.updated) },
          { label: IMPORT_UI.unchanged, value: schools(r.unchanged) },
          { label: IMPORT_UI.clearedAbsent, value: schools(r.clearedAbsent) },
        ]}
      />
    </section>
  );
}
