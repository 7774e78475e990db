import type { ButtonHTMLAttributes, ReactNode } from "react";
import { Link, type LinkProps } from "react-router";
import { cx } from "./cx";

type Variant = "primary" | "secondary" | "ghost";

const base =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-semibold no-underline transition-colors disabled:cursor-not-allowed disabled:opacity-60";
const variants: Record<Variant, string> = {
  primary: "bg-brand-700 text-white hover:bg-brand-800",
  secondary: "border border-brand-700 bg-white text-brand-700 hover:bg-brand-50",
  ghost: "text-brand-700 hover:bg-brand-50",
};

/** A button with a 44 px touch target; works inside plain HTML forms without JavaScript. */
export function Button({ variant = "primary", className, type = "button", ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button type={type} className={cx(base, variants[variant], className)} {...rest} />;
}

/** A link styled as a button. */
export function ButtonLink({ variant = "primary", className, children, ...rest }: LinkProps & { variant?: Variant; children: ReactNode }) {
  return (
    <Link className={cx(base, variants[variant], className)} {...rest}>
      {children}
    </Link>
  );
}
