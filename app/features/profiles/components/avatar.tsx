const SIZES = { 40: "size-10 text-sm", 64: "size-16 text-xl", 96: "size-24 text-3xl" } as const;

/** A person's photo, or their initials on a tinted circle (decorative: the name is always beside it). */
export function Avatar({ name, photoUrl, size = 40 }: { name: string; photoUrl: string | null; size?: keyof typeof SIZES }) {
  if (photoUrl) return <img src={photoUrl} alt="" width={size} height={size} loading="lazy" className={`${SIZES[size]} shrink-0 rounded-full bg-slate-200 object-cover`} />;
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");
  return (
    <span aria-hidden="true" className={`${SIZES[size]} inline-flex shrink-0 items-center justify-center rounded-full bg-brand-50 font-semibold text-brand-800`}>
      {initials || "?"}
    </span>
  );
}
