import { ANALYST, AUDITOR, DEMO_STAFF, INTAKE, ORDER_FEED, SORTER, SUPERVISOR } from './demo-department.js';
import { demoMonth } from './demo-month.js';
import { runDemoMonth, type DemoClient } from './demo-runner.js';

/** The deployment's signer (JwtVerifier.sign): roles, issuer and audience as the server reads them. */
export type SignToken = (sub: string, roles: string[], ttl: string) => Promise<string>;

/** Demo tokens live as long as a working day: long enough to look around, short enough to leak. */
const DEMO_TOKEN_TTL = '8h';

const ROLE_TOKENS: Array<{ variable: string; sub: string; roles: string[] }> = [
  { variable: 'SUPERVISOR_TOKEN', sub: SUPERVISOR, roles: ['supervisor'] },
  { variable: 'CORRESPONDENT_TOKEN', sub: 'C-1', roles: ['correspondent'] },
  { variable: 'SORTER_TOKEN', sub: SORTER, roles: ['sorter'] },
  { variable: 'INTAKE_TOKEN', sub: INTAKE, roles: ['intake'] },
  { variable: 'AUDITOR_TOKEN', sub: AUDITOR, roles: ['auditor'] },
  { variable: 'ANALYST_TOKEN', sub: ANALYST, roles: ['analyst'] },
  { variable: 'INTEGRATION_TOKEN', sub: ORDER_FEED, roles: ['integration'] },
];

/**
 * `npm run demo`: on an empty log, a realistic month of the department is sent through the API the
 * server has just opened; then (and on a log that already holds events, without filling anything)
 * the lines to print: a token per role and three `curl`s whose answers are the month's reports.
 */
export async function demo(p: {
  url: string;
  sign: SignToken;
  logIsEmpty: boolean;
  now?: Date;
}): Promise<string[]> {
  const now = p.now ?? new Date();
  const month = demoMonth(now);
  const lines: string[] = [''];
  let minPosition = 0;
  if (p.logIsEmpty) {
    const started = Date.now();
    const outcome = await runDemoMonth(month.steps, await client(p.url, p.sign));
    minPosition = outcome.lastPosition;
    const refused = Object.entries(outcome.refused).map(([code, n]) => `${n} ${code}`);
    lines.push(
      `Demo: ${month.month} filled through the API — ${month.cases} complaints, ${outcome.commands} commands in ${((Date.now() - started) / 1000).toFixed(1)} s` +
        (refused.length > 0 ? ` (refused by the rules, as in real life: ${refused.join(', ')})` : ''),
    );
  } else {
    lines.push(
      'Demo: the log already holds events, so nothing was added (the demo fills only an empty DATA_DIR).',
    );
  }
  lines.push('', `Tokens for the demo department (valid ${DEMO_TOKEN_TTL}):`);
  for (const t of ROLE_TOKENS)
    lines.push(`  export ${t.variable}=${await p.sign(t.sub, t.roles, DEMO_TOKEN_TTL)}`);
  const wait = minPosition > 0 ? `&minPosition=${minPosition}` : '';
  const period = `from=${month.from.toISOString()}&to=${month.to.toISOString()}`;
  lines.push(
    '',
    `The department's month (${month.month}) as a supervisor sees it:`,
    `  curl -s "${p.url}/reports/rep-workload?asOf=${now.toISOString()}${wait}" -H "Authorization: Bearer $SUPERVISOR_TOKEN"`,
    `  curl -s "${p.url}/reports/goodwill?${period}${wait}" -H "Authorization: Bearer $SUPERVISOR_TOKEN"`,
    `  curl -s "${p.url}/reports/follow-through?${period}&asOf=${now.toISOString()}${wait}" -H "Authorization: Bearer $SUPERVISOR_TOKEN"`,
    '',
  );
  return lines;
}

/** Every actor of the month gets a token of its own: the staff with their roles, the order feed. */
async function client(url: string, sign: SignToken): Promise<DemoClient> {
  const tokens = new Map<string, string>();
  for (const s of DEMO_STAFF) tokens.set(s.staffId, await sign(s.staffId, s.roles, DEMO_TOKEN_TTL));
  tokens.set(ORDER_FEED, await sign(ORDER_FEED, ['integration'], DEMO_TOKEN_TTL));
  const send = async (
    actor: string,
    method: 'POST' | 'PUT',
    path: string,
    body: Record<string, unknown>,
    attempt = 1,
  ): Promise<{ status: number; answer: Record<string, unknown> }> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens.get(actor)}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as Record<string, unknown>;
    // Over the per-caller rate, the API says when to come back; the demo is a polite client.
    if ((response.status === 429 || response.status === 503) && attempt < 20) {
      const seconds = Number(response.headers.get('retry-after') ?? '1');
      await new Promise((resolve) => setTimeout(resolve, Math.min(Math.max(seconds, 0.05), 5) * 1000));
      return send(actor, method, path, body, attempt + 1);
    }
    return { status: response.status, answer };
  };
  return send;
}
