/**
 * The progress of applying an import, as events of the stream `import:<id>` carry it and as the
 * page shows it. Browser-safe: the server renders the first state from the stored events and the
 * browser moves on with the live ones.
 */
import { countRu, formatNumberRu } from "../../../utils/plural.ts";
import { FORMS } from "./messages.ts";

/** The stream of one import's progress. */
export const importStreamKey = (importId: string) => `import:${importId}`;

export const IMPORT_EVENTS = {
  /** A phase started, or (phase "write") a batch of rows was written. */
  progress: "import.progress",
  /** The import ended: written, refused or failed. The page reloads its data then. */
  finished: "import.finished",
} as const;

/** queued → read the stored file → validate the rows → plan against the directory → write. */
export const IMPORT_PHASES = ["queued", "read", "validate", "plan", "write"] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

export interface ImportProgressPayload {
  phase: ImportPhase;
  /** Data rows of the file (known from "validate" on). */
  rows?: number;
  /** Rows written so far and rows to write (phase "write"). */
  done?: number;
  total?: number;
  /**
   * Whether the write phase reports its batches as they go. False on the embedded database: its
   * single connection is held by the import's transaction, so nothing can be committed meanwhile.
   */
  live?: boolean;
}

export interface ImportFinishedPayload {
  status: "done" | "failed" | "rejected";
}

export interface ProgressState extends ImportProgressPayload {
  finished?: ImportFinishedPayload["status"];
}

const isPhase = (value: unknown): value is ImportPhase => typeof value === "string" && (IMPORT_PHASES as readonly string[]).includes(value);
const count = (value: unknown) => (typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined);

/**
 * The state after one more event of the stream. Events of other types, and malformed ones, leave
 * the state as it was (an old page must not break on an event it does not know).
 */
export function nextProgress(state: ProgressState, event: { type: string; payload: Record<string, unknown> }): ProgressState {
  const p = event.payload;
  if (event.type === IMPORT_EVENTS.finished) {
    return p.status === "done" || p.status === "failed" || p.status === "rejected" ? { ...state, finished: p.status } : state;
  }
  if (event.type !== IMPORT_EVENTS.progress || !isPhase(p.phase)) return state;
  return {
    phase: p.phase,
    rows: count(p.rows) ?? state.rows,
    done: count(p.done),
    total: count(p.total),
    live: typeof p.live === "boolean" ? p.live : undefined,
  };
}

/** Share of the whole work at the start of each phase; writing takes the rest. */
const PHASE_START: Record<ImportPhase, number> = { queued: 0, read: 5, validate: 15, plan: 25, write: 30 };

/**
 * How far the import has got, 0–100; null while the progress cannot be measured (the embedded
 * database writing in one go), which the page shows as an indeterminate bar.
 */
export function progressPercent(state: ProgressState): number | null {
  if (state.finished) return 100;
  if (state.phase !== "write") return PHASE_START[state.phase];
  if (state.live === false) return null;
  const total = state.total ?? 0;
  return total > 0 ? Math.round(PHASE_START.write + ((100 - PHASE_START.write) * Math.min(state.done ?? 0, total)) / total) : PHASE_START.write;
}

/** What the progress bar's label says, in Russian. */
export function progressLabel(state: ProgressState): string {
  if (state.finished) return "Готово. Обновляем страницу…";
  switch (state.phase) {
    case "queued":
      return "В очереди: загрузка начнётся через несколько секунд.";
    case "read":
      return "Шаг 1 из 4. Читаем файл…";
    case "validate":
      return `Шаг 2 из 4. Проверяем ${state.rows !== undefined ? countRu(state.rows, FORMS.rowAcc) : "строки"}…`;
    case "plan":
      return "Шаг 3 из 4. Сравниваем со справочником…";
    case "write": {
      const total = state.total ?? 0;
      if (state.live === false) return `Шаг 4 из 4. Записываем ${countRu(total, FORMS.schoolAcc)} в справочник…`;
      return `Шаг 4 из 4. Записано ${formatNumberRu(state.done ?? 0)} из ${countRu(total, FORMS.ofSchools)}.`;
    }
  }
}

/** The state the stored events lead to, for the first render. */
export function progressOf(events: readonly { type: string; payload: Record<string, unknown> }[]): ProgressState {
  return events.reduce(nextProgress, { phase: "queued" } as ProgressState);
}
