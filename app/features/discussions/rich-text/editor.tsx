/**
 * The rich-text field of forms and the view of rendered rich text.
 *
 * The field starts as a plain textarea (server-rendered, works without JavaScript: the form posts
 * `${name}Text` as plain text). When the person focuses it or starts writing, tiptap is imported
 * lazily (`editor.client.tsx`, its own chunk, never in the route bundle) and replaces the
 * textarea, keeping what was typed; from then on the form posts ProseMirror JSON as `${name}`.
 *
 * This module is not `.client`: React Router empties `.client` modules on the server, and the
 * textarea has to render there.
 */
import { useId, useRef, useState, type ComponentType } from "react";
import type { RichDoc } from "./document.ts";
import type { TiptapEditorProps } from "./editor.client.tsx";
import { docToPlainText, plainTextToDoc } from "./plain-text.ts";
import { EDITOR_TEXT } from "./strings.ts";

export interface RichTextEditorProps {
  /** Field name of the JSON; the no-JS textarea posts `${name}Text`. */
  name: string;
  initialDoc?: RichDoc;
  placeholder: string;
  /** Visible label of the field. */
  label: string;
  /** Called once the rich editor has replaced the textarea. */
  onReady?: () => void;
  /** Where the @-mention picker finds people (JSON, `?q=`); without it there is no picker. */
  mentionSource?: string;
}

type Mode = "text" | "loading" | "rich" | "failed";

interface Loaded {
  Editor: ComponentType<TiptapEditorProps>;
  content: RichDoc;
  autoFocus: boolean;
}

export function RichTextEditor({ name, initialDoc, placeholder, label, onReady, mentionSource }: RichTextEditorProps) {
  const id = useId();
  const labelId = `${id}-label`;
  const [mode, setMode] = useState<Mode>("text");
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const [initialText] = useState(() => (initialDoc ? docToPlainText(initialDoc) : ""));

  function upgrade() {
    if (mode !== "text") return;
    setMode("loading");
    import("./editor.client.tsx").then(
      ({ TiptapEditor }) => {
        const textarea = textareaRef.current;
        const text = textarea?.value ?? initialText;
        // Untouched text keeps the original formatting; edited text is taken as typed.
        const content = initialDoc && text === initialText ? initialDoc : plainTextToDoc(text);
        const autoFocus = textarea !== null && document.activeElement === textarea;
        setLoaded({ Editor: TiptapEditor, content, autoFocus });
        setMode("rich");
      },
      () => setMode("failed"),
    );
  }

  return (
    <div className="rich-text-field" data-mode={mode}>
      <label id={labelId} htmlFor={id}>
        {label}
      </label>
      {mode === "rich" && loaded ? (
        <loaded.Editor
          name={name}
          id={id}
          labelId={labelId}
          placeholder={placeholder}
          initialContent={loaded.content}
          autoFocus={loaded.autoFocus}
          onReady={onReady}
          mentionSource={mentionSource}
        />
      ) : (
        <>
          <textarea
            ref={textareaRef}
            id={id}
            name={`${name}Text`}
            defaultValue={initialText}
            placeholder={placeholder}
            rows={6}
            aria-describedby={mode === "text" ? undefined : `${id}-status`}
            onFocus={upgrade}
            onInput={upgrade}
          />
          {mode === "loading" || mode === "failed" ? (
            <p id={`${id}-status`} role="status" className="rich-text-status">
              {mode === "loading" ? EDITOR_TEXT.loading : EDITOR_TEXT.loadFailed}
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}

/** Rich text rendered on the server; `html` must come from `renderRichText` and nowhere else. */
export function RichTextView({ html }: { html: string }) {
  return <div className="rich-text" dangerouslySetInnerHTML={{ __html: html }} />;
}
