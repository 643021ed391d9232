import { get, query, withMinPosition } from '../api.js';
import { h, replace } from '../dom.js';
import { fromLocalInput, toLocalInput, when } from '../format.js';
import type { Session } from '../session.js';
import { cell, table } from './figures.js';
import { CATEGORIES, CHANNELS, PRIORITIES } from '../vocabulary.js';

const PAGE = 25;
const FILTERS = [
  'status',
  'assigneeId',
  'category',
  'priority',
  'channel',
  'complainantId',
  'receivedFrom',
  'receivedTo',
  'subject',
] as const;

interface CaseLine {
  caseId: string;
  status: string;
  receivedAt: string;
  channel: string;
  complainant: { type: string; id: string; name: string | null };
  subject: string;
  category: string | null;
  priority: string | null;
  assigneeId: string | null;
}

const select = (id: string, label: string, options: string[], value: string | null) =>
  h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    h(
      'select',
      { id, name: id },
      h('option', { value: '' }, 'any'),
      ...options.map((o) => h('option', { value: o, selected: o === value }, o)),
    ),
  );
const text = (id: string, label: string, value: string | null, type = 'text') =>
  h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    h('input', { id, name: id, type, value: value ?? '' }),
  );

function filterForm(params: URLSearchParams): HTMLFormElement {
  const instant = (name: string) => (params.get(name) ? toLocalInput(params.get(name)!) : null);
  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Filter cases' },
    text('subject', 'Subject contains', params.get('subject')),
    select('status', 'Status', ['open', 'resolved'], params.get('status')),
    text('assigneeId', 'Assignee (staff id, or none)', params.get('assigneeId')),
    select('category', 'Category', [...CATEGORIES], params.get('category')),
    select('priority', 'Priority', [...PRIORITIES], params.get('priority')),
    select('channel', 'Channel', [...CHANNELS], params.get('channel')),
    text('complainantId', 'Complainant id', params.get('complainantId')),
    text('receivedFrom', 'Received from (UTC)', instant('receivedFrom'), 'datetime-local'),
    text('receivedTo', 'Received before (UTC)', instant('receivedTo'), 'datetime-local'),
    h(
      'div',
      { class: 'form-actions' },
      h('button', { type: 'submit', class: 'primary' }, 'Filter'),
      h('a', { href: '#/cases', class: 'button secondary' }, 'Clear'),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next: Record<string, string | undefined> = {};
    for (const name of FILTERS) {
      const value = (form.elements.namedItem(name) as HTMLInputElement).value.trim();
      next[name] = name.startsWith('received') ? fromLocalInput(value) : value || undefined;
    }
    location.hash = `#/cases${query(next)}`;
  });
  return form;
}

/** Cases: every role; a correspondent starts on their own open cases (the nav links there). */
export async function casesPage(main: HTMLElement, session: Session, params: URLSearchParams): Promise<void> {
  const offset = Number(params.get('offset') ?? 0);
  const filters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? undefined]));
  const page = await get<{ cases: CaseLine[]; total: number; position: number }>(
    `/cases${query(withMinPosition({ ...filters, limit: PAGE, offset }))}`,
  );
  const mine = params.get('assigneeId') === session.staffId && params.get('status') === 'open';
  const link = (to: number) => `#/cases${query({ ...filters, offset: to || undefined })}`;
  const rows = page.cases.map((c) => [
    cell(h('a', { href: `#/cases/${encodeURIComponent(c.caseId)}` }, c.caseId)),
    cell(c.subject),
    cell(h('span', { class: `badge status-${c.status}` }, c.status)),
    cell(c.priority ? h('span', { class: `badge priority-${c.priority}` }, c.priority) : 'unsorted'),
    cell(c.category ?? '—'),
    cell(c.assigneeId ?? 'unassigned'),
    cell(`${c.complainant.name ?? c.complainant.id} (${c.complainant.type})`),
    cell(c.channel),
    cell(when(c.receivedAt)),
  ]);
  document.title = 'Cases · Caseledger';
  replace(
    main,
    h(
      'div',
      { class: 'page-head' },
      h('h1', {}, mine ? 'My open cases' : 'Cases'),
      h(
        'p',
        { class: 'sub', 'data-testid': 'case-count' },
        `${page.total} case${page.total === 1 ? '' : 's'} · log position ${page.position}`,
      ),
    ),
    filterForm(params),
    page.cases.length
      ? table(
          `Cases ${offset + 1}–${offset + page.cases.length} of ${page.total}`,
          [
            'Case',
            'Subject',
            'Status',
            'Priority',
            'Category',
            'Assignee',
            'Complainant',
            'Channel',
            'Received',
          ],
          rows,
        )
      : h('p', { class: 'empty' }, 'No case matches these filters.'),
    h(
      'nav',
      { class: 'pager', 'aria-label': 'Pages' },
      offset > 0
        ? h('a', { href: link(Math.max(0, offset - PAGE)), class: 'button secondary' }, '← Previous')
        : null,
      offset + PAGE < page.total
        ? h('a', { href: link(offset + PAGE), class: 'button secondary' }, 'Next →')
        : null,
    ),
  );
}
