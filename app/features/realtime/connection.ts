import { useSyncExternalStore } from "react";

/** The realtime connection as the UI shows it. */
export type ConnectionState = "idle" | "connecting" | "open" | "offline";

let state: ConnectionState = "idle";
const listeners = new Set<() => void>();

/** Updates the shared connection state (called by the socket client only). */
export function setConnectionState(next: ConnectionState): void {
  if (next === state) return;
  state = next;
  for (const listener of listeners) listener();
}

/** The connection state; "idle" on the server and on pages that use no live data. */
export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
    () => "idle",
  );
}
