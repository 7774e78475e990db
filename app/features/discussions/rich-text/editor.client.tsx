/**
 * The tiptap editor and its toolbar. Loaded only through `import()` from editor.tsx, so tiptap
 * stays out of the route bundle; `.client` keeps it out of the server build as well.
 */
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import type { RichDoc } from "./document.ts";
import { richTextExtensions } from "./extensions.ts";
import { mentionSuggestion } from "./mention-suggestion.ts";
import { EDITOR_TEXT as L, RICH_TEXT_TEXT } from "./strings.ts";
import { isSafeUrl } from "./url.ts";

export interface TiptapEditorProps {
  name: string;
  /** Id of the editable element, so the field's <label for> still points at it. */
  id: string;
  labelId: string;
  placeholder: string;
  initialContent: RichDoc;
  autoFocus: boolean;
  onReady?: () => void;
  /** The mention picker's people source (a JSON endpoint taking ?q=); no picker without it. */
  mentionSource?: string;
}

export function TiptapEditor({ name, id, labelId, placeholder, initialContent, autoFocus, onReady, mentionSource }: TiptapEditorProps) {
  const [json, setJson] = useState(() => JSON.stringify(initialContent));
  const editor = useEditor({
    extensions: richTextExtensions(mentionSource ? { mentionSuggestion: mentionSuggestion(mentionSource) } : {}),
    content: initialContent,
    immediatelyRender: true,
    autofocus: autoFocus ? "end" : false,
    editorProps: {
      attributes: {
        id,
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelId,
        "aria-placeholder": placeholder,
        class: "rich-text rich-text-editor",
      },
    },
    onCreate: () => onReady?.(),
    onUpdate: ({ editor: current }) => setJson(JSON.stringify(current.getJSON())),
  });
  const empty = useEditorState({ editor, selector: ({ editor: current }) => current?.isEmpty ?? true });

  return (
    <div className="rich-text-editor-frame">
      {editor ? <Toolbar editor={editor} controls={id} /> : null}
      <div className="rich-text-editor-body">
        {empty ? (
          <p className="rich-text-placeholder" aria-hidden="true">
            {placeholder}
          </p>
        ) : null}
        <EditorContent editor={editor} />
      </div>
      <input type="hidden" name={name} value={json} />
    </div>
  );
}

interface ToolState {
  bold: boolean;
  italic: boolean;
  heading: boolean;
  bulletList: boolean;
  orderedList: boolean;
  blockquote: boolean;
  codeBlock: boolean;
  link: boolean;
  inTable: boolean;
}

function askLink(editor: Editor) {
  const current = editor.getAttributes("link").href as string | undefined;
  const answer = window.prompt(L.linkPrompt, current ?? "https://");
  if (answer === null) return;
  const href = answer.trim();
  const chain = editor.chain().focus().extendMarkRange("link");
  if (href === "" || href === "https://") {
    chain.unsetLink().run();
    return;
  }
  if (!isSafeUrl(href, "link")) {
    window.alert(RICH_TEXT_TEXT.badLink);
    return;
  }
  if (editor.state.selection.empty && !editor.isActive("link")) {
    chain.insertContent({ type: "text", text: href, marks: [{ type: "link", attrs: { href } }] }).run();
  } else {
    chain.setLink({ href }).run();
  }
}

function Toolbar({ editor, controls }: { editor: Editor; controls: string }) {
  const state = useEditorState<ToolState>({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      heading: e.isActive("heading"),
      bulletList: e.isActive("bulletList"),
      orderedList: e.isActive("orderedList"),
      blockquote: e.isActive("blockquote"),
      codeBlock: e.isActive("codeBlock"),
      link: e.isActive("link"),
      inTable: e.isActive("table"),
    }),
  });
  const toolbarRef = useRef<HTMLDivElement>(null);
  const [focusIndex, setFocusIndex] = useState(0);
  const run = () => editor.chain().focus();

  const tools: { key: string; label: string; text: ReactNode; pressed?: boolean; disabled?: boolean; onClick: () => void }[] = [
    { key: "bold", label: L.bold, text: <b>Ж</b>, pressed: state.bold, onClick: () => run().toggleBold().run() },
    { key: "italic", label: L.italic, text: <i>К</i>, pressed: state.italic, onClick: () => run().toggleItalic().run() },
    { key: "heading", label: L.heading, text: "З", pressed: state.heading, onClick: () => run().toggleHeading({ level: 3 }).run() },
    { key: "bullet", label: L.bulletList, text: "•", pressed: state.bulletList, onClick: () => run().toggleBulletList().run() },
    { key: "ordered", label: L.orderedList, text: "1.", pressed: state.orderedList, onClick: () => run().toggleOrderedList().run() },
    { key: "quote", label: L.quote, text: "«»", pressed: state.blockquote, onClick: () => run().toggleBlockquote().run() },
    { key: "code", label: L.code, text: "</>", pressed: state.codeBlock, onClick: () => run().toggleCodeBlock().run() },
    { key: "link", label: L.link, text: "🔗", pressed: state.link, onClick: () => askLink(editor) },
    {
      key: "table",
      label: L.table,
      text: "▦",
      disabled: state.inTable,
      onClick: () => run().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    },
  ];

  // WAI-ARIA toolbar: one tab stop, arrow keys move between buttons.
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const moves: Record<string, (i: number) => number> = {
      ArrowRight: (i) => (i + 1) % tools.length,
      ArrowLeft: (i) => (i - 1 + tools.length) % tools.length,
      Home: () => 0,
      End: () => tools.length - 1,
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const next = move(focusIndex);
    setFocusIndex(next);
    toolbarRef.current?.querySelectorAll<HTMLButtonElement>("button")[next]?.focus();
  }

  return (
    <div ref={toolbarRef} role="toolbar" aria-label={L.toolbar} aria-controls={controls} className="rich-text-toolbar" onKeyDown={onKeyDown}>
      {tools.map((tool, index) => (
        <button
          key={tool.key}
          type="button"
          aria-label={tool.label}
          title={tool.label}
          aria-pressed={tool.pressed}
          aria-disabled={tool.disabled || undefined}
          tabIndex={index === focusIndex ? 0 : -1}
          onFocus={() => setFocusIndex(index)}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            if (!tool.disabled) tool.onClick();
          }}
        >
          <span aria-hidden="true">{tool.text}</span>
        </button>
      ))}
    </div>
  );
}
