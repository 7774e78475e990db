import { Form, Link, NavLink } from "react-router";
import { Container } from "~/components/ui/layout";
import { visibleSections } from "./sections";
import { NotificationBell } from "~/features/notifications/components/bell";
import { SearchBox } from "~/features/search/components/search-box";

/** Site header: the name, and the sections that exist. Plain links, so it works without JavaScript. */
export function SiteHeader({ user }: { user: { id: string; name: string; isAdmin: boolean; isCoordinator: boolean; seesDashboard?: boolean; bell: { unread: number; head: number } } | null }) {
  const sections = visibleSections();
  return (
    <header className="border-b border-slate-200 bg-white">
      <Container className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2 py-3">
        <Link to="/" className="flex items-center gap-2 text-ink no-underline">
          <svg aria-hidden="true" width="32" height="32" viewBox="0 0 32 32" className="shrink-0">
            <rect width="32" height="32" rx="7" fill="#174d8f" />
            <path d="M5 21c3-8 19-8 22 0" stroke="#fff" strokeWidth="2.5" fill="none" />
            <path d="M5 21h22M10 21v-4M16 21v-6M22 21v-4" stroke="#fff" strokeWidth="2" />
          </svg>
          <span className="text-xl font-bold tracking-tight">Мост</span>
          <span className="hidden text-sm text-muted md:inline">сеть школ, наставников и практик</span>
        </Link>
        {sections.length > 0 ? (
          <nav aria-label="Разделы">
            <ul className="flex flex-wrap gap-1">
              {sections.map((s) => (
                <li key={s.to}>
                  <NavLink
                    to={s.to}
                    className={({ isActive }) =>
                      `block rounded-md px-3 py-2 text-sm font-medium no-underline ${isActive ? "bg-brand-50 text-brand-800" : "text-ink hover:bg-slate-100"}`
                    }
                  >
                    {s.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <SearchBox />
          {user ? (
            <>
              <NotificationBell userId={user.id} unread={user.bell.unread} head={user.bell.head} />
              <Link to="/account" className="font-medium">
                {user.name}
              </Link>
              {user.seesDashboard ? <Link to="/dashboard">Показатели</Link> : null}
              {user.isCoordinator ? <Link to="/directory/requests">Заявки</Link> : null}
              {user.isCoordinator ? <Link to="/directory/import">Списки школ</Link> : null}
              {user.isAdmin ? <Link to="/admin/outbox">Почта</Link> : null}
              <Form method="post" action="/logout">
                <button type="submit" className="min-h-11 rounded-md px-3 font-medium text-brand-700 underline hover:bg-brand-50">
                  Выйти
                </button>
              </Form>
            </>
          ) : (
            <>
              <Link to="/login" className="rounded-md px-3 py-2 font-medium">
                Войти
              </Link>
              <Link to="/register" className="rounded-md bg-brand-700 px-3 py-2 font-semibold text-white no-underline hover:bg-brand-800">
                Регистрация
              </Link>
            </>
          )}
        </div>
      </Container>
    </header>
  );
}
