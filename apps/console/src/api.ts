import { currentSession, lastPosition, rememberPosition } from './session.js';

export interface Problem {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.code}: ${problem.message}`);
  }
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const session = currentSession();
  return { ...(session ? { Authorization: `Bearer ${session.token}` } : {}), ...extra };
}

async function problemOf(res: Response): Promise<Problem> {
  try {
    return (await res.json()) as Problem;
  } catch {
    return { statusCode: res.status, code: `HTTP_${res.status}`, message: res.statusText };
  }
}

/** A query string from the values given (empty ones left out). */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const text = q.toString();
  return text ? `?${text}` : '';
}

export async function get<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: headers({ Accept: 'application/json' }) });
  if (!res.ok) throw new ApiError(await problemOf(res));
  return (await res.json()) as T;
}

/** Reads of the read models wait for this tab's last command (minPosition). */
export function withMinPosition(params: Record<string, string | number | undefined>) {
  return { ...params, minPosition: lastPosition() };
}

export async function getCsv(path: string): Promise<string> {
  const res = await fetch(path, { headers: headers({ Accept: 'text/csv' }) });
  if (!res.ok) throw new ApiError(await problemOf(res));
  return res.text();
}

export interface CommandAnswer {
  globalPosition: number;
  [key: string]: unknown;
}

/** A command; its globalPosition is remembered so the next reads include it. */
export async function command(
  method: 'POST' | 'PUT' | 'PATCH',
  path: string,
  body: object,
): Promise<CommandAnswer> {
  const res = await fetch(path, {
    method,
    headers: headers({ 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() }),
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new ApiError(await problemOf(res));
  const answer = (await res.json()) as CommandAnswer;
  if (typeof answer.globalPosition === 'number') rememberPosition(answer.globalPosition);
  return answer;
}
