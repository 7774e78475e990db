/** What a discussion command answers: done, or refused with a Russian reason and an HTTP status. */
export type Refusal = { ok: false; error: string; status: 400 | 403 | 404 | 409 | 429 };
export type Outcome<T extends object = object> = ({ ok: true } & T) | Refusal;

export const refuse = (status: Refusal["status"], error: string): Refusal => ({ ok: false, error, status });
