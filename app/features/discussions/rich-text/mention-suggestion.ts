/**
 * The @-mention picker of the editor: typing "@" and a few letters asks `source?q=` for people
 * and shows a listbox under the caret (arrows, Enter or Tab to pick, Escape to close). Loaded
 * only with the editor.
 */
import type { MentionOptions } from "@tiptap/extension-mention";

interface Candidate {
  id: string;
  label: string;
  detail: string | null;
}

/** A suggestion config for tiptap's Mention extension reading candidates from a JSON endpoint. */
export function mentionSuggestion(source: string): MentionOptions["suggestion"] {
  return {
    char: "@",
    allowSpaces: true,
    items: async ({ query }) => {
      try {
        const response = await fetch(`${source}?q=${encodeURIComponent(query)}`, { headers: { Accept: "application/json" }, credentials: "same-origin" });
        return response.ok ? ((await response.json()) as Candidate[]) : [];
      } catch {
        return [];
      }
    },
    render: () => {
      let list: HTMLUListElement | null = null;
      let items: Candidate[] = [];
      let active = 0;
      let pick: (c: Candidate) => void = () => {};
      const draw = (rect: DOMRect | null | undefined) => {
        if (!list) return;
        list.replaceChildren(
          ...(items.length
            ? items.map((c, i) => {
                const li = document.createElement("li");
                li.id = `mention-option-${i}`;
                li.setAttribute("role", "option");
                li.setAttribute("aria-selected", String(i === active));
                li.className = `mention-option${i === active ? " is-active" : ""}`;
                li.textContent = c.detail ? `${c.label} — ${c.detail}` : c.label;
                li.addEventListener("mousedown", (e) => {
                  e.preventDefault();
                  pick(c);
                });
                return li;
              })
            : [Object.assign(document.createElement("li"), { textContent: "Никого не нашлось", className: "mention-empty" })]),
        );
        list.setAttribute("aria-activedescendant", items.length ? `mention-option-${active}` : "");
        if (rect) Object.assign(list.style, { position: "absolute", left: `${rect.left + window.scrollX}px`, top: `${rect.bottom + window.scrollY + 4}px` });
      };
      return {
        onStart: (props) => {
          list = document.createElement("ul");
          list.setAttribute("role", "listbox");
          list.setAttribute("aria-label", "Кого упомянуть");
          list.className = "mention-listbox";
          Object.assign(list.style, { zIndex: "50", background: "#fff", border: "1px solid #94a3b8", borderRadius: "6px", padding: "4px", listStyle: "none", minWidth: "14rem", maxWidth: "22rem" });
          document.body.append(list);
          items = props.items as Candidate[];
          active = 0;
          pick = (c) => props.command({ id: c.id, label: c.label });
          draw(props.clientRect?.());
        },
        onUpdate: (props) => {
          items = props.items as Candidate[];
          active = Math.min(active, Math.max(0, items.length - 1));
          pick = (c) => props.command({ id: c.id, label: c.label });
          draw(props.clientRect?.());
        },
        onKeyDown: ({ event }) => {
          if (event.key === "Escape") {
            list?.remove();
            list = null;
            return true;
          }
          if (!items.length) return false;
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            active = (active + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
            draw(null);
            return true;
          }
          if (event.key === "Enter" || event.key === "Tab") {
            pick(items[active]!);
            return true;
          }
          return false;
        },
        onExit: () => {
          list?.remove();
          list = null;
        },
      };
    },
  };
}
