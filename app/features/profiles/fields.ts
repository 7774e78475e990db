/**
 * Profile fields a person may make public, one by one (152-ФЗ ст. 10.1). Browser-safe: the
 * profile form and the server share it.
 */
export const PUBLIC_FIELDS = ["name", "photo", "position", "organisation", "subjects", "grades", "experience", "canHelp", "needsHelp", "bio"] as const;
export type PublicField = (typeof PUBLIC_FIELDS)[number];

export const PUBLIC_FIELD_LABELS: Record<PublicField, string> = {
  name: "Имя",
  photo: "Фотография",
  position: "Должность",
  organisation: "Организация",
  subjects: "Предметы",
  grades: "Классы",
  experience: "Стаж",
  canHelp: "Могу помочь с",
  needsHelp: "Нужна помощь с",
  bio: "О себе",
};

/** The consent document behind the public fields, versioned like the processing consent. */
export const PUBLIC_PROFILE_CONSENT = {
  document: "public_profile",
  version: "2026-11-01",
  title: "Согласие на распространение персональных данных",
  text: "Я разрешаю показывать отмеченные сведения моего профиля всем посетителям платформы «Мост», в том числе без входа в систему (ст. 10.1 Федерального закона № 152-ФЗ). Неотмеченные сведения видят только я и администратор платформы. Согласие можно изменить или отозвать в любой момент, сняв отметки.",
} as const;

/** How a person whose account was deleted is shown next to what they wrote. */
export const DELETED_PERSON_NAME = "Удалённый пользователь";
/** How a person who has not made their name public is shown to strangers. */
export const HIDDEN_PERSON_NAME = "Участник «Моста»";
