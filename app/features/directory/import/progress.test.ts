import { describe, expect, it } from "vitest";
import { countsText } from "./preview-view.server.ts";
import { IMPORT_EVENTS, nextProgress, progressLabel, progressOf, progressPercent } from "./progress.ts";

const progress = (payload: Record<string, unknown>) => ({ type: IMPORT_EVENTS.progress, payload });

describe("import progress", () => {
  it("follows the phases, then the written batches, to the end", () => {
    let state = progressOf([progress({ phase: "queued" })]);
    expect([progressPercent(state), progressLabel(state)]).toEqual([0, "В очереди: загрузка начнётся через несколько секунд."]);
    state = nextProgress(state, progress({ phase: "validate", rows: 5000 }));
    expect(progressLabel(state)).toBe("Шаг 2 из 4. Проверяем 5\u00a0000 строк…");
    state = nextProgress(state, progress({ phase: "write", done: 2500, total: 5000, live: true }));
    expect(progressPercent(state)).toBe(65);
    expect(progressLabel(state)).toBe("Шаг 4 из 4. Записано 2\u00a0500 из 5\u00a0000 школ.");
    expect(state.rows).toBe(5000); // kept from an earlier phase
    state = nextProgress(state, { type: IMPORT_EVENTS.finished, payload: { status: "done" } });
    expect([progressPercent(state), state.finished]).toEqual([100, "done"]);
  });

  it("shows an indeterminate write where batches are not reported, with Russian plurals", () => {
    const write = (total: number) => progressOf([progress({ phase: "write", done: 0, total, live: false })]);
    expect(progressPercent(write(5000))).toBeNull();
    expect(progressLabel(write(1))).toBe("Шаг 4 из 4. Записываем 1 школу в справочник…");
    expect(progressLabel(write(3))).toBe("Шаг 4 из 4. Записываем 3 школы в справочник…");
    expect(progressLabel(write(21))).toBe("Шаг 4 из 4. Записываем 21 школу в справочник…");
    expect(progressLabel(progressOf([progress({ phase: "write", done: 1, total: 21, live: true })]))).toBe("Шаг 4 из 4. Записано 1 из 21 школы.");
    expect(progressLabel(progressOf([progress({ phase: "validate", rows: 1 })]))).toBe("Шаг 2 из 4. Проверяем 1 строку…");
  });

  it("ignores unknown and malformed events", () => {
    const state = progressOf([progress({ phase: "plan" })]);
    expect(nextProgress(state, { type: "something.else", payload: {} })).toBe(state);
    expect(nextProgress(state, progress({ phase: "explode" }))).toBe(state);
    expect(nextProgress(state, { type: IMPORT_EVENTS.finished, payload: { status: "maybe" } })).toBe(state);
  });
});

describe("counts of the list of uploads", () => {
  it("words results, previews and errors with Russian plurals", () => {
    expect(countsText("done", { result: { created: 1, updated: 2, unchanged: 5, clearedAbsent: 21 } }, 0)).toBe(
      "создано: 1 школа; обновлено: 2 школы; без изменений: 5 школ; сняты отметки у 21 школы",
    );
    expect(countsText("rejected", {}, 3)).toBe("3 ошибки");
    expect(countsText("previewed", { preview: { rows: 1, create: 1, update: 0, unchanged: 0, absent: 0, invalid: 0 } }, 0)).toBe(
      "1 строка; к созданию: 1 школа; к обновлению: 0 школ; без изменений: 0 школ",
    );
  });
});
