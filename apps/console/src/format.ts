// Amounts in the deployment's one currency (CURRENCY, which the API does not announce): two decimals, no symbol.
const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const cents = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : money.format(value / 100);
export const num = (value: number | null | undefined, suffix = '') =>
  value === null || value === undefined ? '—' : `${value}${suffix}`;
export const pct = (value: number | null | undefined) => num(value, ' %');
export const hours = (value: number | null | undefined) => num(value, ' h');

/** Instants shown in UTC, as the API stores them, so every reader sees the same time. */
export const when = (iso: string | null | undefined) =>
  iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : '—';
export const day = (iso: string) => iso.slice(0, 10);

/** `<input type="datetime-local">` value ↔ ISO instant, both read as UTC. */
export const toLocalInput = (iso: string) => iso.slice(0, 16);
export const fromLocalInput = (value: string) =>
  value ? new Date(`${value}:00.000Z`).toISOString() : undefined;

export function startOfMonth(now = new Date()): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString();
}
export function startOfNextMonth(now = new Date()): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString();
}

/** Triggers a download of text the page already holds (the CSV came with the token, not by link). */
export function download(name: string, text: string, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
