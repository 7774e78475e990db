/**
 * The header's sections. A section appears once its capability has landed: flip `ready` in the
 * change that ships its pages (a link to a page that does not exist would be a dead end).
 */
export const SECTIONS = [
  { to: "/organisations", label: "Организации", ready: true },
  { to: "/people", label: "Педагоги", ready: true },
  { to: "/communities", label: "Сообщества", ready: true },
  { to: "/library", label: "Библиотека", ready: true },
  { to: "/partnerships", label: "Партнёрства", ready: true },
  { to: "/plans", label: "Планы", ready: false },
  { to: "/events", label: "Мероприятия", ready: true },
  { to: "/search", label: "Поиск", ready: true },
] as const;

export const visibleSections = () => SECTIONS.filter((s) => s.ready);
