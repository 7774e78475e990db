import { useConnectionState } from "~/features/realtime/connection";

/** A discreet notice while live updates are cut off; silent otherwise. */
export function ConnectionIndicator() {
  const state = useConnectionState();
  return (
    <div role="status" aria-live="polite" data-connection={state} className="pointer-events-none fixed bottom-3 left-1/2 z-40 -translate-x-1/2">
      {state === "offline" ? (
        <span className="rounded-full bg-slate-800 px-4 py-2 text-sm text-white shadow">нет соединения — переподключаемся…</span>
      ) : null}
    </div>
  );
}
