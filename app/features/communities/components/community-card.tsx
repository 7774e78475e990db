import { Link } from "react-router";
import { Card } from "~/components/ui/layout";
import { countRu } from "~/utils/plural";
import { MEMBERS, THREADS, UNREAD_THREADS } from "../strings";
import type { CommunityHeaderData } from "./community-header";

export interface CommunityCardData extends CommunityHeaderData {
  description: string;
  threadCount: number;
  lastActivity: { iso: string; text: string; full: string };
  mine: string | null;
  /** Threads with replies the viewer has not read (communities they belong to). */
  unreadThreads: number;
}

/** One community in the catalogue: what it is, where, how big, and the viewer's standing. */
export function CommunityCard({ c }: { c: CommunityCardData }) {
  return (
    <Card as="article" className="flex h-full flex-col gap-2">
      <p className="text-xs font-semibold uppercase tracking-wide text-muted">
        {c.kind}
        {c.focus ? ` · ${c.focus}` : ""}
      </p>
      <h2 className="text-lg font-semibold leading-snug">
        <Link to={`/communities/${c.slug}`}>{c.name}</Link>
      </h2>
      <p className="text-sm text-muted">
        {c.scope}
        {c.place ? ` · ${c.place}` : ""}
        {c.closed ? " · закрытое" : ""}
      </p>
      <p className="line-clamp-3 text-sm">{c.description}</p>
      <p className="mt-auto flex flex-wrap gap-x-3 gap-y-1 pt-2 text-sm text-muted">
        <span>{countRu(c.memberCount, MEMBERS)}</span>
        <span>{countRu(c.threadCount, THREADS)}</span>
        <span>
          активность: <time dateTime={c.lastActivity.iso} title={c.lastActivity.full}>{c.lastActivity.text}</time>
        </span>
      </p>
      {c.mine ? <p className="text-sm font-medium text-brand-800">{c.mine}</p> : null}
      {c.unreadThreads > 0 ? (
        <p className="text-sm font-semibold text-brand-800" data-unread-threads={c.unreadThreads}>
          {countRu(c.unreadThreads, UNREAD_THREADS)}
        </p>
      ) : null}
    </Card>
  );
}
