import { Form } from "react-router";
import { Button } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/form";

type Groups = Array<{ label: string; options: Array<{ value: string; label: string }> }>;

/** The scope and period pickers: a plain GET form (works without JavaScript). */
export function Pickers({ scopes, scope, periods, period, from, last }: { scopes: Groups; scope: string; periods: Array<{ value: string; label: string }>; period: string; from: string; last: string }) {
  return (
    <Form method="get" className="mb-6 grid items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5" aria-label="Область и период">
      <SelectField name="scope" label="Область" value={scope} groups={scopes} />
      <SelectField name="period" label="Период" value={period} options={[...periods, { value: "custom", label: "Свой период (даты справа)" }]} />
      <TextField name="from" label="С" type="date" defaultValue={from} hint="для своего периода" />
      <TextField name="to" label="По (включительно)" type="date" defaultValue={last} hint="для своего периода" />
      <Button type="submit">Показать</Button>
    </Form>
  );
}
