/** Russian strings of the discussion engine, in one place. */
export const DISCUSSION_TEXT = {
  threadNotFound: "Обсуждение не найдено.",
  postNotFound: "Сообщение не найдено.",
  noReadAccess: "Нет доступа к этому обсуждению.",
  noPostAccess: "Писать в это обсуждение могут только его участники.",
  notModerator: "Это действие доступно модераторам.",
  locked: "Обсуждение закрыто: новые ответы не принимаются.",
  notAuthor: "Изменять и удалять сообщение может только его автор.",
  deleted: "Сообщение удалено.",
  alreadyDeleted: "Сообщение уже удалено.",
  hiddenPlaceholder: "Сообщение скрыто модератором",
  deletedPlaceholder: "Сообщение удалено",
  badQuote: "Цитируемое сообщение не найдено в этом обсуждении.",
  rateLimited: (seconds: number) => `Слишком много сообщений подряд. Попробуйте через ${seconds} с.`,
  titleRequired: "Введите заголовок обсуждения.",
  titleTooLong: "Заголовок — не длиннее 200 символов.",
  bodyRequired: "Напишите текст сообщения.",
  badBody: "Текст сообщения не удалось прочитать, попробуйте ещё раз.",
  reasonRequired: "Укажите причину.",
  reasonTooLong: "Причина — не длиннее 500 символов.",
  badReaction: "Такой реакции нет.",
  alreadyReported: "Вы уже пожаловались на это сообщение, модераторы его рассмотрят.",
  cannotReportOwn: "На своё сообщение пожаловаться нельзя.",
  solutionNotAllowed: "Отметить решение может автор обсуждения или модератор.",
  solutionOpening: "Первое сообщение обсуждения не может быть решением.",
  reportNotFound: "Жалоба не найдена.",
  reportDecided: "По этой жалобе уже принято решение.",
  notHidden: "Сообщение не скрыто.",
  alreadyHidden: "Сообщение уже скрыто.",
  staleForm: "Форма устарела: обновите страницу и отправьте ещё раз.",
  signInToPost: "Войдите, чтобы писать в обсуждениях.",
} as const;

/** Reaction kinds as stored (the database check lists the same; a test compares them). */
export const REACTION_KINDS = ["like", "heart", "party", "thinking", "idea"] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];

/** Reactions as shown (the stored kinds are ASCII). */
export const REACTION_LABELS: Record<ReactionKind, { emoji: string; name: string }> = {
  like: { emoji: "👍", name: "Нравится" },
  heart: { emoji: "❤️", name: "Сердце" },
  party: { emoji: "🎉", name: "Ура" },
  thinking: { emoji: "🤔", name: "Сомневаюсь" },
  idea: { emoji: "💡", name: "Полезная мысль" },
};
