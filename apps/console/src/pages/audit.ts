import { ApiError, get, query } from '../api.js';
import { h, replace } from '../dom.js';
import { download, fromLocalInput, toLocalInput, when } from '../format.js';
import { checkDigests, type Digest, type SigningKey } from '../digest-check.js';
import type { Envelope } from './case.js';
import { cell, table } from './figures.js';

interface Verification {
  ok: boolean;
  streamsChecked: number;
  eventsChecked: number;
  firstBreak?: { streamId: string; streamRevision: number; reason: string };
}

/** `GET /audit/verify/progress`: the run going now, as events hashed of the events counted at its start. */
interface VerificationStatus {
  running: boolean;
  eventsTotal: number | null;
  eventsChecked: number;
}

const PAGE = 50;
const count = new Intl.NumberFormat('en-US');

/** The case a stream belongs to, when it is a case's (goodwill and refunds name theirs in the event). */
const caseOfStream = (streamId: string) => (streamId.startsWith('case-') ? streamId.slice(5) : null);

/** Goodwill and refund streams name their case in the event: the break still leads to a case. */
async function caseOfEvent(streamId: string, revision: number): Promise<string | null> {
  let after: number | null = 0;
  while (after !== null) {
    const page: { events: Envelope[]; next: number | null } = await get(
      `/audit/events${query({ streamId, after, limit: 1000 })}`,
    );
    const found = page.events.find((e) => e.streamRevision === revision);
    if (found) return typeof found.data.caseId === 'string' ? found.data.caseId : null;
    after = page.next;
  }
  return null;
}

function verifyPanel(): HTMLElement {
  const progress = h('progress', { id: 'verify-progress', 'aria-label': 'Verification progress' });
  progress.removeAttribute('value');
  const result = h('div', {
    class: 'verify-result',
    role: 'status',
    'aria-live': 'polite',
    'data-testid': 'verify-result',
  });
  const digests = h('div', { class: 'verify-result', 'aria-live': 'polite', 'data-testid': 'digest-result' });
  const button = h('button', { type: 'button', class: 'primary' }, 'Verify the chains');
  const said = h('span', {}, 'Recomputing every hash…');
  const wrap = h('div', { class: 'progress-wrap', hidden: true }, progress, said);
  /** Polls the server's progress while the verification is answered; stops itself when told. */
  const follow = () => {
    let following = true;
    void (async () => {
      while (following) {
        const p = await get<VerificationStatus>('/audit/verify/progress').catch(() => null);
        if (following && p?.running && p.eventsTotal) {
          progress.max = p.eventsTotal;
          progress.value = Math.min(p.eventsChecked, p.eventsTotal);
          said.textContent = `${count.format(p.eventsChecked)} of ${count.format(p.eventsTotal)} events hashed…`;
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
    return () => (following = false);
  };
  button.addEventListener('click', async () => {
    button.disabled = true;
    wrap.hidden = false;
    result.replaceChildren();
    progress.removeAttribute('value');
    said.textContent = 'Recomputing every hash…';
    const stop = follow();
    try {
      const v = await get<Verification>('/audit/verify').finally(stop);
      progress.max = 1;
      progress.value = 1;
      if (v.ok)
        result.replaceChildren(
          h(
            'p',
            { class: 'ok' },
            `✔ Every chain holds: ${v.eventsChecked} events in ${v.streamsChecked} streams.`,
          ),
        );
      else {
        const b = v.firstBreak!;
        const caseId = caseOfStream(b.streamId) ?? (await caseOfEvent(b.streamId, b.streamRevision));
        result.replaceChildren(
          h(
            'p',
            { class: 'broken', 'data-testid': 'first-break' },
            `✖ First break: ${b.streamId} at revision ${b.streamRevision} — ${b.reason.replace(/_/g, ' ')}. `,
            caseId ? h('a', { href: `#/cases/${encodeURIComponent(caseId)}` }, `Open case ${caseId}`) : null,
          ),
          h('p', {}, `${v.eventsChecked} events in ${v.streamsChecked} streams checked.`),
        );
      }
      await verifyDigests(digests);
    } catch (error) {
      result.replaceChildren(
        h(
          'p',
          { class: 'field-error', role: 'alert' },
          error instanceof ApiError ? `${error.problem.code}: ${error.problem.message}` : String(error),
        ),
      );
    } finally {
      button.disabled = false;
      wrap.hidden = true;
    }
  });
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'verify-title' },
    h('h2', { id: 'verify-title' }, 'Tamper evidence'),
    h(
      'p',
      {},
      'Recomputes the SHA-256 chain of every stream (SPEC §7) and, where this deployment signs digests, checks the latest one.',
    ),
    button,
    wrap,
    result,
    digests,
  );
}

/**
 * Signed log digests (SPEC §7.1), when the deployment serves them (a 404 means it does not, yet):
 * every digest checked here with WebCrypto — the log hash recomputed over the trail, the count, the
 * Ed25519 signature under the listed key — with a progress bar over the events hashed.
 */
async function verifyDigests(target: HTMLElement): Promise<void> {
  try {
    await get<Digest>('/audit/digests/latest');
  } catch (error) {
    if (error instanceof ApiError && error.problem.statusCode === 404) {
      target.replaceChildren(
        h(
          'p',
          { class: 'sub' },
          'Signed digests are not served by this deployment: chain verification only.',
        ),
      );
      return;
    }
    throw error;
  }
  const digests: Digest[] = [];
  let after: number | null = 0;
  while (after !== null) {
    const page: { digests: Digest[]; next: number | null } = await get(`/audit/digests${query({ after })}`);
    digests.push(...page.digests);
    after = page.next;
  }
  const keys = (await get<{ keys: SigningKey[] }>('/audit/public-keys')).keys;
  const bar = h('progress', { 'aria-label': 'Events hashed for the signed digests', max: 1, value: 0 });
  target.replaceChildren(h('p', {}, `Checking ${digests.length} signed digests…`), bar);
  const result = await checkDigests(
    digests,
    keys,
    (from) => get(`/audit/events${query({ after: from, limit: 1000 })}`),
    (done, total) => {
      bar.max = Math.max(total, 1);
      bar.value = done;
    },
  );
  const last = digests[digests.length - 1];
  target.replaceChildren(
    result.ok
      ? h(
          'p',
          { class: 'ok' },
          `✔ ${result.digestsChecked} signed digests hold, up to position ${last?.position ?? 0} (${result.eventsHashed} events, key ${last?.keyId ?? '—'}).`,
        )
      : h(
          'p',
          { class: 'broken', 'data-testid': 'digest-mismatch' },
          `✖ First digest that does not hold: position ${result.firstMismatch!.position} — ${result.firstMismatch!.reason.replace(/_/g, ' ')}.`,
        ),
    h(
      'p',
      { class: 'sub' },
      'Keep digests outside the system too: ',
      h('code', {}, 'npm run cli -- audit verify --digests FILE'),
      '.',
    ),
  );
}

function eventFilters(params: URLSearchParams): HTMLFormElement {
  const field = (id: string, label: string, type = 'text', value = params.get(id) ?? '') =>
    h(
      'div',
      { class: 'field' },
      h('label', { for: `audit-${id}` }, label),
      h('input', { id: `audit-${id}`, name: id, type, value }),
    );
  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Filter the audit trail' },
    field('actorId', 'Actor'),
    field('type', 'Event type'),
    field('streamId', 'Stream'),
    field(
      'from',
      'From (UTC, business time)',
      'datetime-local',
      params.get('from') ? toLocalInput(params.get('from')!) : '',
    ),
    field(
      'to',
      'To, excluded (UTC)',
      'datetime-local',
      params.get('to') ? toLocalInput(params.get('to')!) : '',
    ),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, 'Filter')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    location.hash = `#/audit${query({ actorId: value('actorId'), type: value('type'), streamId: value('streamId'), from: fromLocalInput(value('from')), to: fromLocalInput(value('to')) })}`;
  });
  return form;
}

/** Every page of the filtered trail, as NDJSON (one envelope a line, as the CLI's export). */
async function exportTrail(filters: Record<string, string | undefined>): Promise<void> {
  const lines: string[] = [];
  let after: number | null = 0;
  while (after !== null) {
    const page: { events: Envelope[]; next: number | null } = await get(
      `/audit/events${query({ ...filters, after, limit: 1000 })}`,
    );
    lines.push(...page.events.map((e) => JSON.stringify(e)));
    after = page.next;
  }
  download('audit-events.ndjson', lines.join('\n') + (lines.length ? '\n' : ''), 'application/x-ndjson');
}

/** Audit: chain verification, the trail by actor/type/time with paging, export. */
export async function auditPage(main: HTMLElement, params: URLSearchParams): Promise<void> {
  const filters = {
    actorId: params.get('actorId') ?? undefined,
    type: params.get('type') ?? undefined,
    streamId: params.get('streamId') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
  const after = Number(params.get('after') ?? 0);
  const page = await get<{ events: Envelope[]; next: number | null }>(
    `/audit/events${query({ ...filters, after, limit: PAGE })}`,
  );
  const rows = page.events.map((e) => {
    const caseId = caseOfStream(e.streamId) ?? (typeof e.data.caseId === 'string' ? e.data.caseId : null);
    return [
      h('td', { class: 'num' }, String(e.globalPosition)),
      cell(when(e.occurredAt)),
      cell(e.type),
      cell(e.metadata.actorId),
      cell(caseId ? h('a', { href: `#/cases/${encodeURIComponent(caseId)}` }, e.streamId) : e.streamId),
      h('td', { class: 'num' }, `v${e.metadata.standardsVersion}`),
      cell(h('code', { title: e.hash }, e.hash.slice(0, 12))),
    ];
  });
  document.title = 'Audit · Caseledger';
  const exportButton = h(
    'button',
    { type: 'button', class: 'secondary', onclick: () => void exportTrail(filters) },
    'Export NDJSON',
  );
  replace(
    main,
    h('div', { class: 'page-head' }, h('h1', {}, 'Audit')),
    verifyPanel(),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'trail-title' },
      h('header', { class: 'row' }, h('h2', { id: 'trail-title' }, 'Events'), exportButton),
      eventFilters(params),
      page.events.length
        ? table(
            `Events after position ${after}`,
            ['Position', 'Occurred', 'Type', 'Actor', 'Stream', 'Standards', 'Hash'],
            rows,
            { numeric: [0, 5] },
          )
        : h('p', { class: 'empty' }, 'No event matches.'),
      h(
        'nav',
        { class: 'pager', 'aria-label': 'Pages' },
        after > 0
          ? h('a', { class: 'button secondary', href: `#/audit${query({ ...filters })}` }, '⇤ First')
          : null,
        page.next !== null
          ? h(
              'a',
              { class: 'button secondary', href: `#/audit${query({ ...filters, after: page.next })}` },
              'Next →',
            )
          : null,
      ),
    ),
  );
}
