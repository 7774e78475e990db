import { SOURCE_TEXT } from "~/components/shell/zone-note";

/** Says near the times which zone they are shown in (the footer lets one change it). */
export function ZoneLine({ zone }: { zone: { label: string; source: keyof typeof SOURCE_TEXT } }) {
  return (
    <p className="text-sm text-muted">
      Время показано: <strong>{zone.label}</strong> — {SOURCE_TEXT[zone.source]}; после точки — время у организатора.
    </p>
  );
}
