/** Runs a command and returns the status of the Response a guard throws (403, 404), or "no throw". */
export async function thrownStatus(run: () => Promise<unknown>): Promise<number | "no throw"> {
  try {
    await run();
    return "no throw";
  } catch (e) {
    return (e as { init?: { status?: number } }).init?.status ?? (e as Response).status;
  }
}
