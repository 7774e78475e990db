/**
 * Whether a request's `Origin` is one we accept for state-changing requests and socket handshakes.
 * With `PUBLIC_ORIGIN` configured only those origins pass; otherwise the request's own host (both
 * http and https, since TLS may end at a proxy). A missing origin never passes.
 */
export function isAllowedOrigin(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[],
): boolean {
  if (!origin || origin === "null") return false;
  const normalised = origin.replace(/\/+$/, "").toLowerCase();
  if (allowed.length > 0) return allowed.some((o) => o.toLowerCase() === normalised);
  if (!host) return false;
  const h = host.toLowerCase();
  return normalised === `http://${h}` || normalised === `https://${h}`;
}
