import { Container } from "~/components/ui/layout";
import { ZoneNote, type ZoneNoteProps } from "./zone-note";

/** Site footer: what the platform is and whose programme it serves. */
export function SiteFooter({ zone }: { zone?: ZoneNoteProps }) {
  return (
    <footer className="mt-12 border-t border-slate-200 bg-white">
      <Container className="flex flex-col gap-2 py-6 text-sm text-muted sm:flex-row sm:justify-between">
        <p>
          «Мост» — платформа программы поддержки школ с низкими результатами обучения (ШНОР) и школ,
          функционирующих в неблагоприятных социальных условиях (ШНСУ).
        </p>
        <div className="shrink-0">{zone ? <ZoneNote {...zone} /> : null}</div>
      </Container>
    </footer>
  );
}
