/** Vocabulary labels the library shows (browser-safe). */
import { GRADE_BANDS } from "../vocabulary/index.ts";

export { subjectLabel, topicLabel } from "../vocabulary/index.ts";

/** "5–9 классы" for a grade band code. */
export function gradesBandLabel(code: string): string {
  return GRADE_BANDS.find((b) => b.code === code)?.label ?? code;
}
