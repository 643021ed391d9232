import { ApiError, type Problem } from './api.js';
import { h, uniqueId } from './dom.js';

export interface FieldSpec {
  name: string;
  label: string;
  type?: 'text' | 'number' | 'money' | 'select' | 'textarea' | 'datetime-local';
  options?: Array<string | [value: string, label: string]>;
  required?: boolean;
  value?: string;
  hint?: string | Node;
}

/** Which field a domain refusal is about, so it is shown next to that field (SPEC §3 codes). */
const FIELD_OF_CODE: Record<string, string> = {
  GOODWILL_LIMIT_EXCEEDED: 'amountCents',
  GOODWILL_BUDGET_EXCEEDED: 'amountCents',
  REFUND_LIMIT_EXCEEDED: 'amountCents',
  REFUND_EXCEEDS_ORDER: 'amountCents',
  UNKNOWN_ORDER: 'orderId',
  ORDER_CANCELLED: 'orderId',
  NOT_A_CORRESPONDENT: 'assigneeId',
  STAFF_INACTIVE: 'assigneeId',
  NO_QUALIFIED_CORRESPONDENT: 'assigneeId',
  STAFF_NOT_FOUND: 'staffId',
  OCCURRED_IN_FUTURE: 'occurredAt',
  FOLLOW_UP_NOT_FOUND: 'followUpId',
  ALREADY_COMPLETED: 'followUpId',
};

export type Values = Record<string, string>;

/** Money is typed in dollars and sent in cents, as the API counts it. */
export const centsOf = (dollars: string) => Math.round(Number(dollars) * 100);

/**
 * A form whose refusals land where they belong: a VALIDATION_FAILED detail or a domain code next to
 * its field (aria-invalid, described-by), anything else at the top of the form. Success is announced.
 */
export function actionForm(options: {
  id: string;
  title: string;
  fields: FieldSpec[];
  submit: string;
  intro?: Node | string;
  onSubmit: (values: Values) => Promise<string>;
}): HTMLFormElement {
  const errors = new Map<string, HTMLElement>();
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>();
  const status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const formError = h('p', { class: 'field-error', role: 'alert', hidden: true, 'data-error-for': '' });
  const rows = options.fields.map((f) => {
    const inputId = uniqueId(`${options.id}-${f.name}`);
    const errorId = `${inputId}-error`;
    const hintId = `${inputId}-hint`;
    const common = {
      id: inputId,
      name: f.name,
      required: f.required ?? false,
      'aria-describedby': f.hint ? `${errorId} ${hintId}` : errorId,
    };
    let input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    if (f.type === 'select') {
      input = h(
        'select',
        common,
        ...(f.options ?? []).map((o) =>
          Array.isArray(o) ? h('option', { value: o[0] }, o[1]) : h('option', { value: o }, o),
        ),
      );
      if (f.value !== undefined) input.value = f.value;
    } else if (f.type === 'textarea') {
      input = h('textarea', { ...common, rows: 2 }, f.value ?? '');
    } else {
      const type = f.type === 'money' ? 'number' : (f.type ?? 'text');
      input = h('input', {
        ...common,
        type,
        value: f.value,
        step: f.type === 'money' ? '0.01' : false,
        min: f.type === 'money' ? '0.01' : false,
        inputmode: f.type === 'money' ? 'decimal' : false,
      });
    }
    inputs.set(f.name, input);
    const error = h('p', { class: 'field-error', id: errorId, hidden: true, 'data-error-for': f.name });
    errors.set(f.name, error);
    return h(
      'div',
      { class: 'field' },
      h(
        'label',
        { for: inputId },
        f.label,
        f.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null,
      ),
      input,
      f.hint ? h('p', { class: 'hint', id: hintId }, f.hint) : null,
      error,
    );
  });
  const button = h('button', { type: 'submit', class: 'primary' }, options.submit);
  const clear = () => {
    for (const [name, el] of errors) {
      el.hidden = true;
      el.textContent = '';
      inputs.get(name)?.removeAttribute('aria-invalid');
    }
    formError.hidden = true;
    status.textContent = '';
  };
  const show = (problem: Problem) => {
    const paths = Array.isArray(problem.details)
      ? (problem.details as Array<{ path?: string; message?: string }>)
      : [];
    const placed = new Set<string>();
    for (const d of paths) {
      const name = (d.path ?? '').split('.')[0];
      const el = errors.get(name);
      if (!el) continue;
      el.hidden = false;
      el.textContent = `${problem.code}: ${d.message ?? problem.message}`;
      inputs.get(name)?.setAttribute('aria-invalid', 'true');
      placed.add(name);
    }
    const field = FIELD_OF_CODE[problem.code];
    if (field && errors.has(field) && !placed.has(field)) {
      const el = errors.get(field)!;
      el.hidden = false;
      el.textContent = `${problem.code}: ${problem.message}`;
      inputs.get(field)?.setAttribute('aria-invalid', 'true');
      placed.add(field);
    }
    if (placed.size === 0) {
      formError.hidden = false;
      formError.textContent = `${problem.code}: ${problem.message}`;
    }
    inputs.get([...placed][0] ?? '')?.focus();
  };
  const form = h(
    'form',
    { class: 'action', id: options.id, 'aria-labelledby': `${options.id}-title`, novalidate: true },
    h('h3', { id: `${options.id}-title` }, options.title),
    options.intro ? h('div', { class: 'intro' }, options.intro) : null,
    formError,
    ...rows,
    h('div', { class: 'form-actions' }, button, status),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear();
    const values: Values = {};
    for (const [name, input] of inputs) values[name] = input.value.trim();
    button.disabled = true;
    try {
      status.textContent = await options.onSubmit(values);
    } catch (error) {
      if (error instanceof ApiError) show(error.problem);
      else show({ statusCode: 0, code: 'NETWORK', message: String(error) });
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
