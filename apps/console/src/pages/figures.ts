import { h } from '../dom.js';

/**
 * A figure cell: the formatted value for people, the raw value in data-value for the browser tests
 * (which compare it with the API's answer and the hand-worked figures), and a stable name.
 */
export function figure(name: string, value: unknown, shown: string, tag: 'td' | 'dd' = 'td'): HTMLElement {
  return h(
    tag,
    {
      'data-figure': name,
      'data-value': value === null || value === undefined ? 'null' : String(value),
      class: tag === 'td' || typeof value === 'number' ? 'num' : false,
    },
    shown,
  );
}

/** A definition list of department figures, each a `figure`. */
export function figureList(
  label: string,
  items: Array<[name: string, title: string, value: unknown, shown: string]>,
): HTMLElement {
  return h(
    'dl',
    { class: 'figures', 'aria-label': label },
    ...items.map(([name, title, value, shown]) =>
      h('div', {}, h('dt', {}, title), figure(name, value, shown, 'dd')),
    ),
  );
}

export function table(
  caption: string,
  headers: string[],
  rows: HTMLElement[][],
  options: { numeric?: number[] } = {},
): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': caption },
    h(
      'table',
      {},
      h('caption', {}, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...headers.map((t, i) =>
            h('th', { scope: 'col', class: options.numeric?.includes(i) ? 'num' : false }, t),
          ),
        ),
      ),
      h('tbody', {}, ...rows.map((cells) => h('tr', {}, ...cells))),
    ),
  );
}

export const cell = (text: string | Node) => h('td', {}, text);
