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

/**
 * The socket handshake's origin check. Browsers send no `Origin` on a same-origin GET (socket.io's
 * polling handshake), but every current browser marks it `Sec-Fetch-Site: same-origin`, which a
 * page on another site cannot forge; a foreign or missing origin is refused otherwise.
 */
export function isAllowedHandshake(headers: { origin?: string; host?: string; "sec-fetch-site"?: string | string[] }, allowed: readonly string[]): boolean {
  if (headers.origin) return isAllowedOrigin(headers.origin, headers.host, allowed);
  return headers["sec-fetch-site"] === "same-origin";
}
