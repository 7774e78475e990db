/** A library command's result: done, or refused with a Russian message (and the form field). */
export type LibraryRefusal = { ok: false; error: string; field?: string; status: 400 | 403 | 404 | 409 | 413 | 429; code?: string };
export type LibraryOutcome<T extends object = object> = ({ ok: true } & T) | LibraryRefusal;

export const refuse = (status: LibraryRefusal["status"], error: string, field?: string): LibraryRefusal => ({ ok: false, error, status, ...(field ? { field } : {}) });
