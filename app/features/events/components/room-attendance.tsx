import { Form } from "react-router";
import { Card } from "~/components/ui/layout";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/form";
import type { RoomPage } from "../room.server";

/**
 * Attendance: a participant checks in with the code announced during a live session; the
 * organiser announces codes and ticks who attended each session that has begun.
 */
export function RoomAttendance({ d, errors, values }: { d: RoomPage; errors: Record<string, string>; values: Record<string, string> }) {
  return (
    <Card aria-labelledby="attendance-title">
      <h2 id="attendance-title" className="mb-2 text-lg font-semibold">
        Посещаемость
      </h2>
      <ul className="mb-3 flex flex-col gap-1" data-testid="room-sessions">
        {d.sessions.map((x) => (
          <li key={x.id}>
            <span className="font-medium">{x.label}:</span> {x.when}
            {x.live ? " — идёт сейчас" : ""}
            {d.standing.participant ? <span className="text-sm">{x.attended ? " · вы отмечены" : x.started ? " · отметки нет" : ""}</span> : null}
          </li>
        ))}
      </ul>
      {d.hours ? <p className="mb-3" data-testid="my-hours">Засчитано: {d.hours}</p> : null}
      {d.can.checkIn ? (
        <Form method="post" className="mb-3 flex flex-col gap-2">
          <input type="hidden" name="intent" value="check-in" />
          <TextField name="code" label="Код для отметки" hint="Организатор объявит его во время занятия." autoComplete="off" defaultValue={values.intent === "check-in" ? values.code : ""} error={errors.code} maxLength={12} />
          <div>
            <Button type="submit">Отметиться</Button>
          </div>
        </Form>
      ) : null}
      {d.standing.manage ? <OrganiserAttendance d={d} error={errors.sessionId ?? errors.userIds} /> : null}
    </Card>
  );
}

function OrganiserAttendance({ d, error }: { d: RoomPage; error?: string }) {
  return (
    <div className="flex flex-col gap-4">
      {error ? (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      ) : null}
      {d.sessions
        .filter((x) => x.live)
        .map((x) => (
          <div key={x.id} className="flex flex-col gap-2">
            {x.code ? (
              <p>
                Код для отметки ({x.label.toLowerCase()}): <strong className="font-mono text-xl" data-testid="checkin-code">{x.code}</strong>
              </p>
            ) : null}
            <Form method="post">
              <input type="hidden" name="intent" value="open-code" />
              <input type="hidden" name="sessionId" value={x.id} />
              <Button type="submit" variant="secondary">
                {x.code ? "Сменить код" : "Объявить код для отметки"}
              </Button>
            </Form>
          </div>
        ))}
      {d.sessions
        .filter((x) => x.started)
        .map((x) => (
          <Form key={x.id} method="post" className="flex flex-col gap-2">
            <input type="hidden" name="intent" value="attendance" />
            <input type="hidden" name="sessionId" value={x.id} />
            <fieldset className="flex flex-col gap-1">
              <legend className="font-medium">Кто был: {x.label.toLowerCase()}</legend>
              {d.sheet.length === 0 ? <p className="text-sm text-muted">Зарегистрированных участников нет.</p> : null}
              {d.sheet.map((p) => (
                <div key={p.userId} className="flex items-center gap-2">
                  <input id={`att-${x.id}-${p.userId}`} type="checkbox" name="userIds" value={p.userId} defaultChecked={p.sessions.includes(x.id)} className="size-5" />
                  <label htmlFor={`att-${x.id}-${p.userId}`}>{p.name}</label>
                </div>
              ))}
            </fieldset>
            <div>
              <Button type="submit" variant="secondary">
                Сохранить посещаемость
              </Button>
            </div>
          </Form>
        ))}
    </div>
  );
}
