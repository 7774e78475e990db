import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { Form, useNavigate } from "react-router";
import type { SearchKind } from "../provider";
import { KIND_SINGULAR, SEARCH_TEXT } from "../strings";

interface Item {
  kind: SearchKind;
  url: string;
  titleHtml: string;
}

/**
 * The header's search: a plain GET form to /search (works without JavaScript), enhanced into a
 * combobox with instant results fetched from /search/suggest while typing (debounced). Arrow keys
 * move through the list, Enter opens the chosen item, Escape closes it.
 */
export function SearchBox() {
  const id = useId();
  const listId = `${id}-list`;
  const navigate = useNavigate();
  const [q, setQ] = useState("");
  const [items, setItems] = useState<Item[] | null>(null);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const latest = useRef(0);

  useEffect(() => {
    const term = q.trim();
    if (term.length < 2) return;
    const ticket = ++latest.current;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/search/suggest?q=${encodeURIComponent(term)}`, { signal: controller.signal, headers: { Accept: "application/json" } })
        .then((r) => (r.ok ? (r.json() as Promise<{ items: Item[] }>) : { items: [] }))
        .then((body) => {
          if (ticket !== latest.current) return;
          setItems(body.items);
          setActive(-1);
          setOpen(true);
        })
        .catch(() => {});
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  const expanded = open && items !== null && q.trim().length >= 2;
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!expanded || !items) return;
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setActive((a) => Math.min(items.length - 1, a + 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => Math.max(-1, a - 1));
    } else if (e.key === "Escape") {
      setOpen(false);
    } else if (e.key === "Enter" && active >= 0 && items[active]) {
      e.preventDefault();
      setOpen(false);
      void navigate(items[active].url);
    }
  };

  return (
    <Form method="get" action="/search" role="search" className="relative" onSubmit={() => setOpen(false)}>
      <label htmlFor={`${id}-q`} className="sr-only">
        {SEARCH_TEXT.boxLabel}
      </label>
      <input
        id={`${id}-q`}
        name="q"
        type="search"
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        placeholder={SEARCH_TEXT.boxPlaceholder}
        autoComplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${id}-opt-${active}` : undefined}
        className="min-h-11 w-44 rounded-md border border-slate-400 px-3 text-sm sm:w-56"
      />
      <ul id={listId} role="listbox" aria-label={SEARCH_TEXT.boxResults} hidden={!expanded} className="absolute right-0 z-20 mt-1 w-80 max-w-[90vw] rounded-md border border-slate-300 bg-white p-1 shadow-lg">
        {items?.length === 0 ? (
          <li role="option" aria-selected={false} aria-disabled="true" className="px-3 py-2 text-sm text-muted">
            {SEARCH_TEXT.boxNothing}
          </li>
        ) : null}
        {items?.map((item, i) => (
          <li
            key={`${item.kind}:${item.url}`}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            className={`cursor-pointer rounded px-3 py-2 text-sm ${i === active ? "bg-brand-50" : "hover:bg-slate-100"}`}
            onMouseDown={(e) => {
              e.preventDefault();
              setOpen(false);
              void navigate(item.url);
            }}
          >
            <span className="block text-xs text-muted">{KIND_SINGULAR[item.kind]}</span>
            {/* Escaped on the server, <mark> only (text.ts highlightToHtml). */}
            <span dangerouslySetInnerHTML={{ __html: item.titleHtml }} />
          </li>
        ))}
        <li role="option" aria-selected={false} className="border-t border-slate-200 px-3 py-2 text-sm">
          <a href={`/search?q=${encodeURIComponent(q.trim())}`}>{SEARCH_TEXT.boxAll(q.trim())}</a>
        </li>
      </ul>
    </Form>
  );
}
