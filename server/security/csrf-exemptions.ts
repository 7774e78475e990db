/**
 * The only non-GET endpoints that skip the Origin check: each is authorised by a signed token in
 * the request itself (quality.md, CSRF). Adding a path here needs a decision record.
 */
export const CSRF_EXEMPT_PATHS: readonly RegExp[] = [
  // One-click unsubscribe (RFC 8058): mail clients POST `List-Unsubscribe=One-Click` from outside the
  // site, authorised only by the HMAC-signed token in the link (decision 017).
  /^\/unsubscribe$/,
];
