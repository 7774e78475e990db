import type { RouterContext } from "react-router";
import { requestContext, services } from "../../services.server.ts";
import type { RequestMeta } from "./commands.server.ts";
import { describeDevice } from "./sessions.server.ts";

type Ctx = { get<T>(key: RouterContext<T>): T };

/** The site origin for links in mail: the configured public origin, else the request's own. */
export function siteOrigin(request: Request, context: Ctx): string {
  return services(context).config.allowedOrigins[0] ?? new URL(request.url).origin;
}

/** What account commands need to know about the request. */
export function requestMeta(request: Request, context: Ctx): RequestMeta {
  return { ip: context.get(requestContext).ip, device: describeDevice(request.headers.get("User-Agent")), origin: siteOrigin(request, context) };
}
