import crypto from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";
import { CSRF_EXEMPT_PATHS } from "./csrf-exemptions.ts";
import { isAllowedOrigin } from "./origin.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** A fresh CSP nonce per response, read by the document renderer. */
export function cspNonce(_req: Request, res: Response, next: NextFunction) {
  res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
  next();
}

/**
 * Security headers on every response: a strict CSP with nonces, nosniff, no framing, a referrer
 * policy that keeps same-origin form posts carrying their Origin, and HSTS only behind TLS.
 */
export function securityHeaders(options: { development: boolean; hstsEnabled: boolean; hmrPort?: number }) {
  const nonce = (_req: unknown, res: unknown) => `'nonce-${(res as Response).locals.cspNonce as string}'`;
  const connectSrc = ["'self'"];
  if (options.development && options.hmrPort) connectSrc.push(`ws://localhost:${options.hmrPort}`, `ws://127.0.0.1:${options.hmrPort}`);
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", nonce],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'"],
        "connect-src": connectSrc,
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "manifest-src": ["'self'"],
      },
    },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    strictTransportSecurity: options.hstsEnabled ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: "deny" },
  });
}

const CSRF_MESSAGE =
  "Запрос отклонён: он отправлен не со страницы «Моста». Обновите страницу и попробуйте ещё раз.";

/** Rejects state-changing requests whose Origin is missing or foreign (403). */
export function csrfGuard(allowedOrigins: readonly string[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (CSRF_EXEMPT_PATHS.some((p) => p.test(req.path))) {
      // The token in the request authorises it, not the page it came from: drop a foreign Origin so
      // React Router's own origin check on actions does not refuse a mail client's one-click POST.
      delete req.headers.origin;
      return next();
    }
    if (isAllowedOrigin(req.headers.origin, req.headers.host, allowedOrigins)) return next();
    res.status(403).type("text/plain; charset=utf-8").send(CSRF_MESSAGE);
  };
}

/** Routes that take file uploads (their own size checks apply after this outer limit). */
// React Router posts forms sent with JavaScript to "<path>.data" (or "<path>/_.data").
export const UPLOAD_PATHS: readonly RegExp[] = [/^\/directory\/import(?:\/?|\.data|\/_\.data)$/, /^\/account\/photo(?:\/?|\.data|\/_\.data)$/, /^\/partnerships\/[0-9a-f-]{36}\/files(?:\/?|\.data|\/_\.data)$/, /^\/library\/[0-9a-f-]{36}\/files(?:\/?|\.data|\/_\.data)$/];

/**
 * Body size limit for everything the app parses: a declared length over the limit gets 413 before
 * anything is read; a streamed body without a declared length gets 411.
 */
export function bodyLimit(maxBytes: number, uploads: { paths: readonly RegExp[]; maxBytes: number } = { paths: UPLOAD_PATHS, maxBytes: 25 * 1024 * 1024 }) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const limit = uploads.paths.some((p) => p.test(req.path)) ? uploads.maxBytes : maxBytes;
    const declared = req.headers["content-length"];
    if (declared !== undefined && Number(declared) > limit) {
      const size = limit >= 1024 * 1024 ? `${Math.round(limit / 1024 / 1024)} МБ` : `${Math.round(limit / 1024)} КБ`;
      res.status(413).type("text/plain; charset=utf-8").send(`Слишком большой запрос: не больше ${size}.`);
      return;
    }
    if (declared === undefined && req.headers["transfer-encoding"]) {
      // Browsers always declare the length of forms and uploads; refusing the rest keeps the limit exact.
      res.status(411).type("text/plain; charset=utf-8").send("Укажите размер запроса (Content-Length).");
      return;
    }
    next();
  };
}
