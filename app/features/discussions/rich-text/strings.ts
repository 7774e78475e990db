/** User-visible strings of the rich-text editor and its validator (browser-safe). */
export const RICH_TEXT_TEXT = {
  empty: "Сообщение пустое.",
  malformed: "Текст сообщения повреждён. Обновите страницу и попробуйте ещё раз.",
  tooLarge: "Сообщение слишком большое: разметка не должна превышать 100 000 символов.",
  textTooLong: "Текст слишком длинный: не больше 20 000 символов.",
  tooDeep: "Слишком глубокая вложенность: не больше 12 уровней списков, цитат и таблиц.",
  tooManyNodes: "Сообщение слишком сложное: не больше 5000 элементов.",
  badCharacters: "Текст содержит недопустимые служебные символы.",
  badLink: "Недопустимая ссылка: разрешены только адреса http, https и mailto.",
  badImage: "Недопустимый адрес картинки: разрешены только адреса http и https или картинки с этого сайта.",
  headingLevel: "Заголовки бывают только второго, третьего и четвёртого уровня.",
  codeLanguage: "Недопустимое название языка у блока кода.",
  altTooLong: "Описание картинки слишком длинное: не больше 300 символов.",
  titleTooLong: "Подпись картинки слишком длинная: не больше 300 символов.",
  mention: "Недопустимое упоминание: участник не найден.",
  mentionLabel: "Имя в упоминании должно быть от 1 до 200 символов.",
  listStart: "Нумерованный список должен начинаться с целого положительного числа.",
  tableCell: "Ячейка таблицы может объединять от 1 до 20 строк или столбцов.",
  emptyText: "Пустой фрагмент текста недопустим.",
} as const;

/** Names of elements and marks in messages, in the nominative case. */
const NODE_NAMES: Record<string, string> = {
  doc: "документ",
  paragraph: "абзац",
  heading: "заголовок",
  bulletList: "маркированный список",
  orderedList: "нумерованный список",
  listItem: "пункт списка",
  blockquote: "цитата",
  codeBlock: "блок кода",
  hardBreak: "перенос строки",
  horizontalRule: "горизонтальная линия",
  text: "текст",
  image: "картинка",
  table: "таблица",
  tableRow: "строка таблицы",
  tableHeader: "заголовок таблицы",
  tableCell: "ячейка таблицы",
  mention: "упоминание",
  bold: "полужирный",
  italic: "курсив",
  strike: "зачёркнутый",
  underline: "подчёркнутый",
  code: "код",
  link: "ссылка",
};

/** A type name from the input, shortened so a message never echoes a long payload. */
function quoted(type: string): string {
  const name = NODE_NAMES[type] ?? type;
  return `«${name.length > 40 ? `${name.slice(0, 40)}…` : name}»`;
}

export const richTextMessages = {
  unknownNode: (type: string) => `Недопустимый элемент текста: ${quoted(type)}.`,
  unknownMark: (type: string) => `Недопустимое оформление текста: ${quoted(type)}.`,
  badAttrs: (type: string) => `Недопустимые параметры у элемента ${quoted(type)}.`,
  misplaced: (child: string, parent: string) => `Элемент ${quoted(child)} не может находиться внутри элемента ${quoted(parent)}.`,
  needsContent: (type: string) => `Элемент ${quoted(type)} не может быть пустым.`,
};

/** Labels of the editor (aria-labels and visible text). */
export const EDITOR_TEXT = {
  toolbar: "Оформление текста",
  bold: "Полужирный",
  italic: "Курсив",
  heading: "Заголовок",
  bulletList: "Маркированный список",
  orderedList: "Нумерованный список",
  quote: "Цитата",
  code: "Блок кода",
  link: "Ссылка",
  linkPrompt: "Адрес ссылки (https://…). Оставьте пустым, чтобы убрать ссылку.",
  table: "Вставить таблицу",
  loading: "Загружаем редактор…",
  loadFailed: "Не удалось загрузить редактор. Можно писать обычным текстом.",
} as const;
