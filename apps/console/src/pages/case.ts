import { ApiError, get, query } from '../api.js';
import { h, replace } from '../dom.js';
import { cents, fromLocalInput, toLocalInput, when } from '../format.js';
import { actsOn, can } from '../roles.js';
import type { Session } from '../session.js';
import { caseActions } from './case-actions.js';
import { cell, table } from './figures.js';

export interface CaseView {
  caseId: string;
  status: 'open' | 'resolved';
  receivedAt: string;
  channel: string;
  complainant: { type: string; id: string; name?: string };
  distributorId: string | null;
  orderId: string | null;
  subject: string;
  category: string | null;
  complexity: number | null;
  priority: string | null;
  assigneeId: string | null;
  responses: number;
  repeatContacts: number;
  followUps: Array<{ followUpId: string; dueAt: string; status: 'pending' | 'completed' }>;
  goodwillCents: number;
  refundsCents: number;
  rating: string | null;
  revision: number;
}

export interface Envelope {
  eventId: string;
  type: string;
  streamId: string;
  streamRevision: number;
  globalPosition: number;
  occurredAt: string;
  recordedAt: string;
  data: Record<string, unknown>;
  metadata: { actorId: string; actorRoles: string[]; standardsVersion: number };
  hash: string;
}

let flash = '';
/** A message that survives the re-render after a command (announced by the live region). */
export function flashNext(message: string): void {
  flash = message;
}

/** due / kept (on time) / kept late / overdue, judged with the completion's business time when the history is readable. */
function followUpState(f: CaseView['followUps'][number], history: Envelope[] | null, now: number): string {
  if (f.status === 'completed') {
    const done = history?.find((e) => e.type === 'FollowUpCompleted' && e.data.followUpId === f.followUpId);
    if (!done) return 'completed';
    return done.occurredAt <= f.dueAt ? 'kept' : 'kept late';
  }
  return Date.parse(f.dueAt) < now ? 'overdue' : 'due';
}

function summarise(e: Envelope): string {
  const d = e.data;
  switch (e.type) {
    case 'ComplaintReceived':
      return `Received by ${d.channel}: “${d.subject}”`;
    case 'CaseSorted':
      return `Sorted: ${d.category}, complexity ${d.complexity}, ${d.priority}`;
    case 'CaseAssigned':
      return `Assigned to ${d.assigneeId} (${d.reason})`;
    case 'ResponseSent':
      return `Response by ${d.channel}: ${d.summary}`;
    case 'FollowUpPromised':
      return `Promised by ${when(String(d.dueAt))}: ${d.description}`;
    case 'FollowUpCompleted':
      return `Follow-up ${d.followUpId} completed${d.note ? `: ${d.note}` : ''}`;
    case 'GoodwillGranted':
      return `Goodwill ${d.kind} ${cents(Number(d.amountCents))} from ${d.staffId}'s account${d.overBudget ? ' (over budget)' : ''}: ${d.reason}`;
    case 'RefundIssued':
      return `Refund ${cents(Number(d.amountCents))} on order ${d.orderId}: ${d.reason}`;
    case 'CaseResolved':
      return `Resolved: ${d.resolution}`;
    case 'CaseReopened':
      return `Reopened: ${d.reason}`;
    case 'CasePriorityRaised':
      return `Priority raised ${d.from} → ${d.to}`;
    case 'CaseContactRepeated':
      return `Wrote again by ${d.channel}`;
    case 'SatisfactionRecorded':
      return `Rated ${d.rating}`;
    default:
      return e.type;
  }
}

function timeline(history: Envelope[]): HTMLElement {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'history-title' },
    h('h2', { id: 'history-title' }, 'History'),
    h(
      'ol',
      { class: 'timeline' },
      ...history.map((e) =>
        h(
          'li',
          { 'data-event-type': e.type },
          h('div', { class: 'what' }, h('strong', {}, e.type), ' — ', summarise(e)),
          h(
            'div',
            { class: 'meta' },
            `${when(e.occurredAt)} · by ${e.metadata.actorId} (${e.metadata.actorRoles.join(', ')}) · standards v${e.metadata.standardsVersion} · ${e.streamId}@${e.streamRevision} · recorded ${when(e.recordedAt)}`,
          ),
        ),
      ),
    ),
  );
}

function asOfForm(caseId: string, asOf: string | null): HTMLElement {
  const form = h(
    'form',
    { class: 'pickers', 'aria-label': 'See the case as it was known' },
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'case-as-of' }, 'As known at (UTC, recorded time)'),
      h('input', {
        id: 'case-as-of',
        name: 'asOf',
        type: 'datetime-local',
        value: asOf ? toLocalInput(asOf) : '',
      }),
    ),
    h(
      'div',
      { class: 'form-actions' },
      h('button', { type: 'submit', class: 'secondary' }, 'Show'),
      asOf
        ? h('a', { class: 'button secondary', href: `#/cases/${encodeURIComponent(caseId)}` }, 'Now')
        : null,
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = `#/cases/${encodeURIComponent(caseId)}${query({ asOf: fromLocalInput((form.elements.namedItem('asOf') as HTMLInputElement).value) })}`;
  });
  return form;
}

/** One case: its state, follow-ups, money, history, and what the signed-in roles may do on it. */
export async function casePage(
  main: HTMLElement,
  session: Session,
  caseId: string,
  params: URLSearchParams,
): Promise<void> {
  const asOf = params.get('asOf');
  const view = await get<CaseView>(`/cases/${encodeURIComponent(caseId)}${query({ asOf })}`);
  let history: Envelope[] | null = null;
  if (can.readHistory(session)) {
    try {
      const all = (await get<{ events: Envelope[] }>(`/cases/${encodeURIComponent(caseId)}/history`)).events;
      history = asOf ? all.filter((e) => e.recordedAt <= asOf) : all;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
    }
  }
  const now = asOf ? Date.parse(asOf) : Date.now();
  const facts: Array<[string, string]> = [
    ['Status', view.status],
    ['Priority', view.priority ?? 'unsorted'],
    ['Category', view.category ?? '—'],
    ['Complexity', view.complexity === null ? '—' : String(view.complexity)],
    ['Assignee', view.assigneeId ?? 'unassigned'],
    [
      'Complainant',
      `${view.complainant.name ?? view.complainant.id} (${view.complainant.type} ${view.complainant.id})`,
    ],
    ['Distributor', view.distributorId ?? '—'],
    ['Order', view.orderId ?? '—'],
    ['Channel', view.channel],
    ['Received', when(view.receivedAt)],
    ['Responses', String(view.responses)],
    ['Repeat contacts', String(view.repeatContacts)],
    ['Goodwill', cents(view.goodwillCents)],
    ['Refunds', cents(view.refundsCents)],
    ['Satisfaction', view.rating ?? '—'],
    ['Revision', String(view.revision)],
  ];
  const followUps = view.followUps.map((f) => {
    const state = followUpState(f, history, now);
    return [
      cell(f.followUpId),
      cell(when(f.dueAt)),
      h(
        'td',
        { 'data-follow-up-state': state },
        h('span', { class: `badge fu-${state.replace(' ', '-')}` }, state),
      ),
    ];
  });
  const message = flash;
  flash = '';
  document.title = `${view.caseId} · Caseledger`;
  replace(
    main,
    h('p', { class: 'crumbs' }, h('a', { href: '#/cases' }, 'Cases'), ' / ', view.caseId),
    h(
      'div',
      { class: 'page-head' },
      h('h1', {}, view.subject),
      h('span', { class: `badge status-${view.status}`, 'data-testid': 'case-status' }, view.status),
      asOfForm(view.caseId, asOf),
    ),
    h('p', { class: 'flash', role: 'status', 'aria-live': 'polite' }, message),
    asOf
      ? h(
          'p',
          { class: 'notice' },
          `As the system knew it at ${when(asOf)}. Actions are shown only for the present.`,
        )
      : null,
    h(
      'div',
      { class: 'case-grid' },
      h(
        'div',
        {},
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'state-title' },
          h('h2', { id: 'state-title' }, 'State'),
          h('dl', { class: 'facts' }, ...facts.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v)))),
        ),
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'fu-title' },
          h('h2', { id: 'fu-title' }, 'Follow-ups'),
          followUps.length
            ? table('Promised follow-ups', ['Follow-up', 'Due', 'State'], followUps)
            : h('p', { class: 'empty' }, 'No follow-up promised.'),
        ),
        history
          ? timeline(history)
          : h('p', { class: 'notice' }, 'The history of a case is open to supervisors and auditors.'),
      ),
      asOf ? null : caseActions(session, view, actsOn(session, view.assigneeId)),
    ),
  );
}
