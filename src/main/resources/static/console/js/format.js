// How values look in the console: amounts exact per currency (never through floating point), times in the
// operator's own time zone, phone numbers masked in lists.
const decimals = new Map();
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const grouping = new Intl.NumberFormat(undefined, { useGrouping: true });
const decimalSeparator = (1.5).toLocaleString().charAt(1);

/** Minor units per currency, from GET /payment-methods (each currency's "decimals"). */
export function learnCurrencies(paymentMethods) {
  (paymentMethods.providers || paymentMethods.methods || []).forEach((provider) =>
    (provider.currencies || []).forEach((c) => decimals.set(c.currency || c.code, c.decimals)));
}

/** "1250.5" GHS as "GHS 1,250.50"; the gateway sends amounts as decimal strings. */
export function money(amount, currency) {
  if (amount === null || amount === undefined || amount === '') return '—';
  const text = String(amount);
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const places = decimals.has(currency) ? decimals.get(currency) : fraction.length;
  let shown = grouping.format(BigInt(whole || '0'));
  if (places > 0) shown += decimalSeparator + fraction.padEnd(places, '0').slice(0, Math.max(places, fraction.length));
  return `${currency || ''} ${negative ? '-' : ''}${shown}`.trim();
}

export function time(iso) {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

export function timeZone() {
  return zone;
}

/** How long ago, for ages and lags: "3 min", "2 h". */
export function age(iso) {
  if (!iso) return '—';
  const seconds = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 1000));
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} days`;
}

/** Country code and last three digits, as the gateway masks numbers in its logs. */
export function maskPhone(phone) {
  if (!phone || phone.length < 7) return '***';
  return phone.slice(0, 3) + '*'.repeat(phone.length - 6) + phone.slice(-3);
}

/** A local calendar day (yyyy-mm-dd from a date input) as the instant it starts in the operator's zone. */
export function dayStart(day, plusDays = 0) {
  if (!day) return '';
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d + plusDays).toISOString();
}

export function shortId(id) {
  return id ? id.slice(0, 8) : '—';
}
