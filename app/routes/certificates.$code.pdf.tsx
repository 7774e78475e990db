import { data } from "react-router";
import type { Route } from "./+types/certificates.$code.pdf";
import { services } from "~/services.server";
import { siteOrigin } from "~/features/accounts/request.server";
import { certificatePdf, findCertificate } from "~/features/events/certificates.server";
import { CERTIFICATE_NOT_FOUND } from "~/features/events/room-strings";

/** The certificate's PDF, by its code (it states no more than the public verification page). */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const certificate = await findCertificate(services(context).db, params.code);
  if (!certificate) throw data(CERTIFICATE_NOT_FOUND, { status: 404 });
  const pdf = await certificatePdf(certificate, siteOrigin(request, context));
  return new Response(pdf as Uint8Array<ArrayBuffer>, {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="certificate-${certificate.code}.pdf"`, "X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store" },
  });
}
