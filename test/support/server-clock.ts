/**
 * The month (`YYYY-MM`, UTC) by the server's own clock, read from the `Date` header of its answer.
 * The server debits goodwill in the month of its clock, so a test allocating "this month's" budget
 * asks the server which month that is, when it allocates, rather than fixing it when the file loads.
 */
export async function serverMonth(url: string): Promise<string> {
  const reply = await fetch(`${url}/health`);
  const date = reply.headers.get('date');
  if (date === null) throw new Error(`${url}/health answered without a Date header`);
  return new Date(date).toISOString().slice(0, 7);
}
