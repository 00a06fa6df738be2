// Display-only formatting: turns exact values from the core into words for the owner.

// Formatters are built once and reused: building one costs far more than using it, and a long
// table formats hundreds of values on every scroll.
let LOCALE: string | undefined = undefined;
const dateFormat = () => new Intl.DateTimeFormat(LOCALE, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
let DATE = dateFormat();
const MONEY = new Map<string, Intl.NumberFormat>();

/** The locale for dates and numbers on every screen: a tag from Settings, or undefined for the computer's own. */
export function setLocale(tag: string | null | undefined) {
  LOCALE = tag ?? undefined;
  DATE = dateFormat();
  MONEY.clear();
}

/** The locale in use, for the few places that format on their own. */
export function currentLocale(): string | undefined {
  return LOCALE;
}

/** "2026-03-01" → "1 Mar 2026" in the owner's locale. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  if (!y || !m || !d) return iso;
  return DATE.format(new Date(Date.UTC(y, m - 1, d)));
}

/** A file's size for people: "254 KB", "21.6 MB" (decimal units, as Finder and Explorer show). */
export function formatSize(bytes: number): string {
  return bytes >= 1_000_000 ? `${formatValue(Math.round(bytes / 100_000) / 10, "")} MB` : `${Math.max(1, Math.round(bytes / 1000))} KB`;
}

/** Today as YYYY-MM-DD in the owner's time zone, the default for new dates. */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Minor units (cents) → "€2,500.00" in the owner's locale. */
export function formatMoney(cents: number, currency: string, minorDigits = 2): string {
  const key = `${currency}/${minorDigits}`;
  let format = MONEY.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, { style: "currency", currency, minimumFractionDigits: minorDigits, maximumFractionDigits: minorDigits });
    MONEY.set(key, format);
  }
  return format.format(cents / 10 ** minorDigits);
}

/** A share (0.42) → "42 %". */
export function formatShare(share: number): string {
  return new Intl.NumberFormat(LOCALE, { style: "percent", maximumFractionDigits: 0 }).format(share);
}

/** A KPI value with its unit: "27 leads", "2.1 %", "€ 48". */
export function formatValue(value: number, unit: string): string {
  const n = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 }).format(value);
  if (!unit) return n;
  if (unit === "%") return `${n} %`;
  if (unit.length <= 2 && !/[a-z]/i.test(unit)) return `${unit}${n}`;
  return `${n} ${unit}`;
}

/** A calendar month → "Oct 2026" in the owner's locale. */
export function formatMonth(year: number, month: number): string {
  return new Intl.DateTimeFormat(LOCALE, { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(year, month - 1, 1)));
}

/**
 * An amount in minor units as the owner would type it back into a form ("2500.00", "-0.05",
 * "1234" for yen): digits only, built from the integer's own digits, never through a float.
 */
export function plainAmount(minor: number, digits: number): string {
  const negative = minor < 0;
  const whole = String(Math.abs(Math.trunc(minor))).padStart(digits + 1, "0");
  const text = digits === 0 ? whole : `${whole.slice(0, whole.length - digits)}.${whole.slice(whole.length - digits)}`;
  return negative ? `-${text}` : text;
}

/** January … December, for choosing a month (a financial year's start). */
export const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
