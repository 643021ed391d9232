import { Http } from '../../support/http.js';
import { JwtVerifier } from '../../../apps/api/src/auth/jwt-verifier.js';

/**
 * The department the API benchmark works in, and the commands it sends: every one a valid command
 * that succeeds, built from the answers of the ones before it (a case is sorted after its complaint
 * was acknowledged, answered by the correspondent auto-assignment gave it, and so on).
 */

export type Kind = 'complaint' | 'sort' | 'response' | 'goodwill';
export const KINDS: Kind[] = ['complaint', 'sort', 'response', 'goodwill'];

/**
 * One turn of the mix, for two cases: each is filed, sorted and answered once, and one of the two
 * gets a goodwill grant — 2 : 2 : 2 : 1.
 */
export const CYCLE: Kind[] = ['complaint', 'sort', 'response', 'goodwill', 'complaint', 'sort', 'response'];

/** The status a command answers when it succeeds (SPEC §4); any other answer is an error. */
export const EXPECTED_STATUS: Record<Kind, number> = {
  complaint: 201,
  sort: 200,
  response: 200,
  goodwill: 201,
};

/** A request ready to send: POST `path` with `body` as the actor `token` stands for. */
export interface Command {
  kind: Kind;
  path: string;
  token: string;
  body: string;
}

export interface Department {
  correspondents: string[];
  /** Tokens by actor: `intake`, `sorter` and each correspondent's staffId. */
  tokens: Map<string, string>;
}

const CHANNELS = ['mail', 'email', 'phone', 'web', 'chat', 'social'] as const;
const CATEGORIES = [
  'product',
  'shipping',
  'billing',
  'commission',
  'autoship',
  'enrollment',
  'return',
  'other',
] as const;
const PRIORITIES = ['low', 'normal', 'normal', 'normal', 'high', 'urgent'] as const;
/** Most cases are simple; a few need the department's most skilled correspondents. */
const COMPLEXITIES = [1, 1, 2, 2, 2, 3, 3, 4, 5] as const;
const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

/** YYYY-MM of now and of the month after (a run that crosses midnight at a month's end still has a budget). */
function budgetMonths(): string[] {
  const now = new Date();
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return [now.toISOString().slice(0, 7), next.toISOString().slice(0, 7)];
}

/**
 * Registers a sorter and `correspondents` correspondents (skill levels 1–5 in turn), sets the
 * standards (the defaults, as an event) and gives every correspondent a goodwill budget large
 * enough for every grant of the run; signs a token for each actor with the server's secret.
 */
export async function seedDepartment(
  url: string,
  adminToken: string,
  jwtSecret: string,
  correspondents: number,
): Promise<Department> {
  const admin = new Http(url, adminToken);
  const expect = async (what: string, reply: Promise<{ status: number; body: unknown }>, status: number) => {
    const r = await reply;
    if (r.status !== status)
      throw new Error(`seeding: ${what} answered ${r.status}: ${JSON.stringify(r.body)}`);
  };
  await expect(
    'PUT /standards',
    admin.put('/standards', {
      firstResponseHours: { mail: 48, email: 24, web: 24, social: 4, phone: 4, chat: 1 },
      goodwillPctOfSalesGuideline: 0.5,
      goodwillPerGrantLimitCents: 5000,
      refundLimitCents: 50000,
    }),
    200,
  );
  await expect(
    'POST /staff SO-1',
    admin.post('/staff', { staffId: 'SO-1', name: 'Sue Sorter', roles: ['sorter'], skillLevel: 5 }),
    201,
  );
  const ids = Array.from({ length: correspondents }, (_, i) => `C-${String(i + 1).padStart(3, '0')}`);
  for (const [i, staffId] of ids.entries()) {
    await expect(
      `POST /staff ${staffId}`,
      admin.post('/staff', {
        staffId,
        name: `Correspondent ${i + 1}`,
        roles: ['correspondent'],
        skillLevel: (i % 5) + 1,
      }),
      201,
    );
    for (const month of budgetMonths()) {
      await expect(
        `POST /goodwill-budgets ${staffId}`,
        admin.post('/goodwill-budgets', { staffId, month, amountCents: 50_000_000 }),
        201,
      );
    }
  }
  const signer = new JwtVerifier(jwtSecret);
  const tokens = new Map<string, string>([
    ['intake', await signer.sign('intake-desk', ['intake'])],
    ['sorter', await signer.sign('SO-1', ['sorter'])],
  ]);
  for (const staffId of ids) tokens.set(staffId, await signer.sign(staffId, ['correspondent']));
  return { correspondents: ids, tokens };
}

/** Builds the four commands; a fresh complainant for every complaint unless a repeat is asked for. */
export class Commands {
  private seq = 0;
  private readonly run = Math.random().toString(36).slice(2, 8);

  constructor(private readonly department: Department) {}

  private token(actor: string): string {
    const token = this.department.tokens.get(actor);
    if (!token) throw new Error(`no token for ${actor}`);
    return token;
  }

  complaint(): Command {
    const n = ++this.seq;
    return {
      kind: 'complaint',
      path: '/cases',
      token: this.token('intake'),
      body: JSON.stringify({
        channel: pick(CHANNELS, n),
        complainant:
          n % 3 === 0
            ? { type: 'customer', id: `CU-${this.run}-${n}` }
            : { type: 'distributor', id: `D-${this.run}-${n}`, name: `Distributor ${n}` },
        subject: `Order ${n}: blender lid arrived cracked`,
        body: 'The lid of my blender arrived cracked. I need a replacement before the party on Saturday.',
      }),
    };
  }

  /** The complainant of `earlier` writing again about the same subject (same channel), in other words. */
  repeatComplaint(earlier: Command, contact: number): Command {
    const body = JSON.parse(earlier.body) as Record<string, unknown>;
    return {
      ...earlier,
      body: JSON.stringify({
        ...body,
        body: `Writing again (contact ${contact}): still no replacement lid.`,
      }),
    };
  }

  sort(caseId: string): Command {
    const n = ++this.seq;
    return {
      kind: 'sort',
      path: `/cases/${caseId}/sort`,
      token: this.token('sorter'),
      body: JSON.stringify({
        category: pick(CATEGORIES, n),
        complexity: pick(COMPLEXITIES, n),
        priority: pick(PRIORITIES, n),
      }),
    };
  }

  /** The first response, by the correspondent the case was assigned to. */
  response(caseId: string, assigneeId: string): Command {
    const n = ++this.seq;
    return {
      kind: 'response',
      path: `/cases/${caseId}/responses`,
      token: this.token(assigneeId),
      body: JSON.stringify({
        channel: pick(CHANNELS, n),
        summary: 'Apologised; a new lid is on its way by express.',
      }),
    };
  }

  /** A credit (or now and then a product) from the assignee's own budget, under the per-grant limit. */
  goodwill(caseId: string, assigneeId: string): Command {
    const n = ++this.seq;
    const product = n % 4 === 0;
    return {
      kind: 'goodwill',
      path: `/cases/${caseId}/goodwill`,
      token: this.token(assigneeId),
      body: JSON.stringify({
        kind: product ? 'product' : 'credit',
        amountCents: 500 + ((n * 37) % 40) * 100,
        ...(product ? { sku: 'LID-200', quantity: 1 } : {}),
        reason: 'Sorry for the broken lid',
      }),
    };
  }
}

interface CaseInFlight {
  caseId: string;
  assigneeId?: string;
  grant: boolean;
}

/**
 * The mix for the open-loop driver: the next command of a kind takes the oldest case that is ready
 * for it. When none is ready (the answers it waits for are still in flight) the step before it is
 * sent instead, down to a new complaint, so every command sent is valid; the counts by kind that
 * were actually sent are reported.
 */
export class CaseFlow {
  private readonly toSort: CaseInFlight[] = [];
  private readonly toAnswer: CaseInFlight[] = [];
  private readonly toGrant: CaseInFlight[] = [];
  private filed = 0;

  constructor(private readonly commands: Commands) {}

  next(kind: Kind): { command: Command; settle(answer: any): void } {
    if (kind === 'goodwill' && this.toGrant.length > 0) {
      const c = this.toGrant.shift()!;
      return { command: this.commands.goodwill(c.caseId, c.assigneeId!), settle: () => undefined };
    }
    if ((kind === 'goodwill' || kind === 'response') && this.toAnswer.length > 0) {
      const c = this.toAnswer.shift()!;
      return {
        command: this.commands.response(c.caseId, c.assigneeId!),
        settle: () => (c.grant ? this.toGrant.push(c) : undefined),
      };
    }
    if (kind !== 'complaint' && this.toSort.length > 0) {
      const c = this.toSort.shift()!;
      return {
        command: this.commands.sort(c.caseId),
        settle: (answer) => this.toAnswer.push({ ...c, assigneeId: String(answer.assigneeId) }),
      };
    }
    const grant = this.filed++ % 2 === 0;
    return {
      command: this.commands.complaint(),
      settle: (answer) => this.toSort.push({ caseId: String(answer.caseId), grant }),
    };
  }
}
