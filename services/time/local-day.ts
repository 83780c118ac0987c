/** Local day of a moment, YYYY-MM-DD: the agent's day, not UTC's (daily figures follow the agent's clock). */
export function localDay(at: number): string {
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
