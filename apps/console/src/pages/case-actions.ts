import { command, get, query } from '../api.js';
import { h } from '../dom.js';
import { cents, fromLocalInput } from '../format.js';
import { actionForm, centsOf, type Values } from '../forms.js';
import { can } from '../roles.js';
import type { Session } from '../session.js';
import { chooseAssignee, type WorkloadEntry } from '../../../../libs/domain/src/case/auto-assignment.js';
import { CATEGORIES, CHANNELS, PRIORITIES } from '../vocabulary.js';
import type { CaseView } from './case.js';
import { flashNext } from './case.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- report answers are read as the API documents them */

const optional = (value: string) => (value === '' ? undefined : value);

/** After a command the page is drawn again from the log, with what happened announced. */
function rerender(message: string): string {
  flashNext(message);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
  return message;
}

/** Each correspondent's weighted load (the rep-workload report), for those whose roles may read it. */
function workloadHint(session: Session, view: CaseView): HTMLElement | null {
  if (!can.readReports(session)) return null;
  const holder = h('div', { class: 'load-hint' }, 'Loading weighted loads…');
  const preview = h('p', { 'data-testid': 'auto-assignment-preview', 'aria-live': 'polite' });
  get<any>('/reports/rep-workload')
    .then((r) => {
      // The case being sorted counts in nobody's load (SPEC §3): leave it out of its assignee's figures.
      const workload: WorkloadEntry[] = (r.correspondents as any[]).map((c) => {
        const own = c.staffId === view.assigneeId && view.status === 'open';
        return {
          staffId: c.staffId,
          roles: ['correspondent'],
          active: true,
          skillLevel: c.skillLevel,
          weightedLoad: c.weightedLoad - (own ? (view.complexity ?? 0) : 0),
          openCases: c.openCases - (own ? 1 : 0),
        };
      });
      const form = holder.closest('form');
      const update = () => {
        const complexity = Number(
          (form?.elements.namedItem('complexity') as HTMLSelectElement | null)?.value ?? 2,
        );
        const choice = chooseAssignee(workload, complexity);
        preview.textContent = choice
          ? `Auto-assignment would choose ${choice} for complexity ${complexity} (least weighted load among those skilled enough).`
          : `No active correspondent is skilled for complexity ${complexity}: the sort would be refused (NO_QUALIFIED_CORRESPONDENT).`;
      };
      form?.addEventListener('change', update);
      update();
      holder.replaceChildren(
        h('p', {}, 'Weighted load now:'),
        h(
          'ul',
          { class: 'loads' },
          ...workload.map((c) =>
            h(
              'li',
              { 'data-load-of': c.staffId },
              `${c.staffId} · skill ${c.skillLevel} · load ${c.weightedLoad} · ${c.openCases} open`,
            ),
          ),
        ),
        preview,
      );
    })
    .catch(() => holder.replaceChildren('Weighted loads unavailable.'));
  return holder;
}

/** The budget left this month and the standards' limits, for the account debited. */
function goodwillHint(staffId: string | null): HTMLElement {
  const holder = h('div', { class: 'load-hint', 'aria-live': 'polite' });
  const parts: Node[] = [];
  const show = () => holder.replaceChildren(...parts);
  get<any>(`/standards${query({})}`)
    .then((s) => {
      parts.unshift(
        h(
          'p',
          { 'data-testid': 'standards-limits' },
          `Standards v${s.version}: at most ${cents(s.goodwillPerGrantLimitCents)} a grant (a supervisor may approve more); guideline ${s.goodwillPctOfSalesGuideline} % of sales; refunds up to ${cents(s.refundLimitCents)}.`,
        ),
      );
      show();
    })
    .catch(() => undefined);
  if (staffId) {
    // The month the grant will debit: now (the console sends no occurredAt).
    const month = new Date().toISOString().slice(0, 7);
    get<any>(`/goodwill-budgets/${encodeURIComponent(staffId)}/${month}`)
      .then((a) => {
        parts.push(
          h(
            'p',
            { 'data-testid': 'budget-left' },
            `${staffId}'s budget for ${month}: ${cents(a.budgetCents)}, granted ${cents(a.grantedCents)} in ${a.grants} grant${a.grants === 1 ? '' : 's'}, left ${cents(a.remainingCents)}.`,
          ),
        );
        show();
      })
      .catch(() => undefined);
  }
  return holder;
}

/** The forms the signed-in roles may use on this case (the API and the domain decide in the end). */
export function caseActions(session: Session, view: CaseView, mine: boolean): HTMLElement {
  const path = `/cases/${encodeURIComponent(view.caseId)}`;
  const forms: Array<HTMLElement | null> = [];
  const open = view.status === 'open';
  if (open && can.sort(session)) {
    forms.push(
      actionForm({
        id: 'sort',
        title: view.category ? 'Sort again' : 'Sort',
        submit: 'Sort',
        intro:
          workloadHint(session, view) ??
          'Leave the assignee empty and auto-assignment chooses the correspondent with the least weighted load.',
        fields: [
          {
            name: 'category',
            label: 'Category',
            type: 'select',
            options: [...CATEGORIES],
            value: view.category ?? 'product',
          },
          {
            name: 'complexity',
            label: 'Complexity (1–5)',
            type: 'select',
            options: ['1', '2', '3', '4', '5'],
            value: String(view.complexity ?? 2),
          },
          {
            name: 'priority',
            label: 'Priority',
            type: 'select',
            options: [...PRIORITIES],
            value: view.priority ?? 'normal',
          },
          { name: 'assigneeId', label: 'Assignee (empty: auto-assignment)' },
        ],
        onSubmit: async (v) => {
          const answer = await command('POST', `${path}/sort`, {
            category: v.category,
            complexity: Number(v.complexity),
            priority: v.priority,
            assigneeId: optional(v.assigneeId),
          });
          return rerender(
            `Sorted. ${v.assigneeId ? 'Assigned' : 'Auto-assignment chose'} ${String(answer.assigneeId)}.`,
          );
        },
      }),
      actionForm({
        id: 'assign',
        title: 'Assign',
        submit: 'Assign',
        fields: [
          { name: 'assigneeId', label: 'Assignee', required: true },
          { name: 'reason', label: 'Reason', type: 'select', options: ['manual', 'rebalance'] },
        ],
        onSubmit: async (v) => {
          await command('POST', `${path}/assign`, { assigneeId: v.assigneeId, reason: v.reason });
          return rerender(`Assigned to ${v.assigneeId}.`);
        },
      }),
    );
  }
  if (open && can.correspond(session) && mine) {
    const pending = view.followUps.filter((f) => f.status === 'pending');
    const supervisor = can.supervise(session);
    forms.push(
      actionForm({
        id: 'respond',
        title: 'Respond',
        submit: 'Record response',
        fields: [
          { name: 'channel', label: 'Channel', type: 'select', options: [...CHANNELS], value: view.channel },
          { name: 'summary', label: 'Summary', type: 'textarea', required: true },
        ],
        onSubmit: async (v) => (
          await command('POST', `${path}/responses`, { channel: v.channel, summary: v.summary }),
          rerender('Response recorded.')
        ),
      }),
      actionForm({
        id: 'follow-up',
        title: 'Promise a follow-up',
        submit: 'Promise',
        fields: [
          { name: 'dueAt', label: 'Due (UTC)', type: 'datetime-local', required: true },
          { name: 'description', label: 'What was promised', type: 'textarea', required: true },
        ],
        onSubmit: async (v) => {
          const answer = await command('POST', `${path}/follow-ups`, {
            dueAt: fromLocalInput(v.dueAt) ?? '',
            description: v.description,
          });
          return rerender(`Follow-up ${String(answer.followUpId)} promised.`);
        },
      }),
      pending.length
        ? actionForm({
            id: 'complete',
            title: 'Complete a follow-up',
            submit: 'Complete',
            fields: [
              {
                name: 'followUpId',
                label: 'Follow-up',
                type: 'select',
                options: pending.map(
                  (f) =>
                    [f.followUpId, `${f.followUpId} (due ${f.dueAt.slice(0, 16).replace('T', ' ')})`] as [
                      string,
                      string,
                    ],
                ),
              },
              { name: 'note', label: 'Note' },
            ],
            onSubmit: async (v) => (
              await command('POST', `${path}/follow-ups/${encodeURIComponent(v.followUpId)}/complete`, {
                note: optional(v.note),
              }),
              rerender('Follow-up completed.')
            ),
          })
        : null,
      actionForm({
        id: 'goodwill',
        title: 'Grant goodwill',
        submit: 'Grant',
        intro: goodwillHint(supervisor ? view.assigneeId : session.staffId),
        fields: [
          { name: 'kind', label: 'Kind', type: 'select', options: ['credit', 'product'] },
          {
            name: 'amountCents',
            label: 'Amount',
            type: 'money',
            required: true,
            hint: 'In the deployment currency, e.g. 25.00',
          },
          { name: 'sku', label: 'Product SKU (product only)' },
          { name: 'quantity', label: 'Quantity (product only)', type: 'number' },
          { name: 'reason', label: 'Reason', required: true },
          ...(supervisor
            ? [
                {
                  name: 'staffId',
                  label: 'Account debited (correspondent)',
                  value: view.assigneeId ?? '',
                  required: true,
                },
              ]
            : []),
        ],
        onSubmit: async (v: Values) => {
          const answer = await command('POST', `${path}/goodwill`, {
            kind: v.kind,
            amountCents: centsOf(v.amountCents),
            reason: v.reason,
            sku: v.kind === 'product' ? optional(v.sku) : undefined,
            quantity: v.kind === 'product' && v.quantity ? Number(v.quantity) : undefined,
            staffId: supervisor ? optional(v.staffId) : undefined,
          });
          return rerender(
            `Goodwill granted${answer.overBudget ? ' (over budget: recorded as approved by a supervisor)' : ''}.`,
          );
        },
      }),
      actionForm({
        id: 'refund',
        title: 'Refund against an order',
        submit: 'Refund',
        fields: [
          { name: 'orderId', label: 'Order', value: view.orderId ?? '', required: true },
          {
            name: 'amountCents',
            label: 'Amount',
            type: 'money',
            required: true,
            hint: 'In the deployment currency, e.g. 25.00',
          },
          { name: 'reason', label: 'Reason', required: true },
        ],
        onSubmit: async (v) => (
          await command('POST', `${path}/refunds`, {
            orderId: v.orderId,
            amountCents: centsOf(v.amountCents),
            reason: v.reason,
          }),
          rerender('Refund issued.')
        ),
      }),
      actionForm({
        id: 'resolve',
        title: 'Resolve',
        submit: 'Resolve',
        fields: [{ name: 'resolution', label: 'Resolution', type: 'textarea', required: true }],
        onSubmit: async (v) => (
          await command('POST', `${path}/resolve`, { resolution: v.resolution }),
          rerender('Case resolved.')
        ),
      }),
    );
  }
  if (!open && can.reopen(session) && (mine || session.roles.includes('intake') || can.supervise(session))) {
    forms.push(
      actionForm({
        id: 'reopen',
        title: 'Reopen',
        submit: 'Reopen',
        fields: [{ name: 'reason', label: 'Reason', type: 'textarea', required: true }],
        onSubmit: async (v) => (
          await command('POST', `${path}/reopen`, { reason: v.reason }),
          rerender('Case reopened.')
        ),
      }),
    );
  }
  return h(
    'aside',
    { class: 'actions', 'aria-label': 'Actions on this case', 'data-testid': 'case-actions' },
    forms.some(Boolean)
      ? forms
      : h(
          'p',
          { class: 'notice' },
          open && can.correspond(session) && !mine
            ? `This case is ${view.assigneeId ? `${view.assigneeId}'s` : 'not assigned yet'}: only its assignee or a supervisor acts on it.`
            : 'No action on this case is open to your roles.',
        ),
  );
}
