import { Form } from "react-router";
import { Card } from "~/components/ui/layout";
import { Button } from "~/components/ui/button";
import { TextAreaField } from "~/components/ui/form";
import { QUESTION_MAX } from "../room-schemas";

interface Question {
  id: string;
  body: string;
  author: string;
  mine: boolean;
  votes: number;
  votesText: string;
  voted: boolean;
  answered: boolean;
}

/** The Q&A: ask, upvote (once), and for the moderator «Отвечен». Open questions come first, by votes. */
export function RoomQuestions({ questions, canAsk, canAnswer, values, errors }: { questions: Question[]; canAsk: boolean; canAnswer: boolean; values: Record<string, string>; errors: Record<string, string> }) {
  return (
    <Card aria-labelledby="questions-title">
      <h2 id="questions-title" className="mb-2 text-lg font-semibold">
        Вопросы спикерам
      </h2>
      {canAsk ? (
        <Form method="post" className="mb-4 flex flex-col gap-2">
          <input type="hidden" name="intent" value="ask" />
          <TextAreaField name="body" label="Ваш вопрос" value={values.intent === "ask" ? (values.body ?? "") : ""} rows={3} maxLength={QUESTION_MAX} error={errors.body} />
          <div>
            <Button type="submit">Задать вопрос</Button>
          </div>
        </Form>
      ) : null}
      {questions.length === 0 ? (
        <p className="text-sm text-muted">{canAsk ? "Вопросов пока нет — задайте первый." : "Вопросов не было."}</p>
      ) : (
        <ol className="flex flex-col gap-3" id="questions" aria-label="Вопросы">
          {questions.map((q) => (
            <li key={q.id} className="rounded-md border border-slate-300 p-3" data-testid="room-question">
              <p className="whitespace-pre-line break-words">{q.body}</p>
              <p className="mt-1 text-sm text-muted">
                {q.author}
                {q.mine ? " (вы)" : ""} · <span data-testid="question-votes">{q.votesText}</span>
                {q.answered ? (
                  <>
                    {" · "}
                    <strong data-testid="question-answered">Отвечен</strong>
                  </>
                ) : null}
              </p>
              <div className="mt-2 flex flex-wrap gap-2">
                {canAsk && !q.answered && !q.voted && !q.mine ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="vote" />
                    <input type="hidden" name="questionId" value={q.id} />
                    <Button type="submit" variant="secondary" aria-label={`Поддержать вопрос: ${q.body.slice(0, 60)}`}>
                      Поддержать
                    </Button>
                  </Form>
                ) : q.voted ? (
                  <span className="text-sm">Вы поддержали этот вопрос</span>
                ) : null}
                {canAnswer && !q.answered ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="answered" />
                    <input type="hidden" name="questionId" value={q.id} />
                    <Button type="submit" variant="secondary" aria-label={`Отметить как отвеченный: ${q.body.slice(0, 60)}`}>
                      Отвечен
                    </Button>
                  </Form>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
