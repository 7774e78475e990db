/** What the settings page shows: the catalogue by group with the person's channels, and their digest hour. */
import type { AppServices } from "../../services.server.ts";
import { countRu } from "../../utils/plural.ts";
import { MOSCOW_TIME_ZONE, zoneLabel } from "../../utils/timezones.ts";
import { personTimeZone } from "../profiles/queries.server.ts";
import { CHANNEL_LABELS, NOTIFICATION_GROUPS, NOTIFICATION_KIND_LIST, NOTIFICATION_KINDS, type EmailChannel, type NotificationGroup, type NotificationKind } from "./catalogue.ts";
import { waitingForDigest } from "./digest.server.ts";
import { loadNotificationSettings } from "./settings.server.ts";
import { NOTIFICATION_FORMS, SETTINGS_TEXT } from "./strings.ts";

export interface SettingsGroupView {
  group: NotificationGroup;
  title: string;
  kinds: { kind: NotificationKind; label: string; channel: EmailChannel; options: { value: EmailChannel; label: string }[] }[];
}

/** The settings page of a signed-in person. */
export async function loadSettingsPage(s: Pick<AppServices, "db" | "clock">, userId: string): Promise<{ groups: SettingsGroupView[]; digestAt: string; waiting: string | null }> {
  const [settings, zone, waiting] = await Promise.all([loadNotificationSettings(s.db, userId), personTimeZone(s.db, userId), waitingForDigest(s, userId)]);
  const groups = (Object.keys(NOTIFICATION_GROUPS) as NotificationGroup[]).map((group) => ({
    group,
    title: NOTIFICATION_GROUPS[group],
    kinds: NOTIFICATION_KIND_LIST.filter((k) => NOTIFICATION_KINDS[k].group === group).map((kind) => ({
      kind,
      label: NOTIFICATION_KINDS[kind].label,
      channel: settings[kind],
      options: NOTIFICATION_KINDS[kind].channels.map((value) => ({ value, label: CHANNEL_LABELS[value] })),
    })),
  }));
  return {
    groups,
    digestAt: SETTINGS_TEXT.digestAt(zoneLabel(zone ?? MOSCOW_TIME_ZONE, undefined, s.clock.now())),
    waiting: waiting > 0 ? SETTINGS_TEXT.waiting(countRu(waiting, NOTIFICATION_FORMS)) : null,
  };
}
