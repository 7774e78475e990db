const TYPES = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  pdf: "application/pdf",
} as const;

/** Headers of a private download: an ASCII fallback name and the Russian one (RFC 5987). */
export function downloadHeaders(format: keyof typeof TYPES, name: string): Record<string, string> {
  const file = `${name}.${format}`;
  return {
    "Content-Type": TYPES[format],
    "Content-Disposition": `attachment; filename="plan.${format}"; filename*=UTF-8''${encodeURIComponent(file)}`,
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  };
}
