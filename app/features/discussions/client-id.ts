/** A fresh id for a message a form or socket is about to send (browser-safe). */
export function newClientId(): string {
  return globalThis.crypto.randomUUID().replace(/-/g, "");
}
