import { h, uniqueId } from '../dom.js';
import { decodeToken, signIn, type Session } from '../session.js';

/** A token pasted once (the one `npm start` prints, or one your identity provider issues), kept for this tab. */
export function signInPage(done: (session: Session) => void): HTMLElement {
  const id = uniqueId('token');
  const error = h('p', { class: 'field-error', id: `${id}-error`, role: 'alert', hidden: true });
  const input = h('textarea', {
    id,
    name: 'token',
    rows: 4,
    required: true,
    spellcheck: 'false',
    autocomplete: 'off',
    'aria-describedby': `${id}-error ${id}-hint`,
  });
  const form = h(
    'form',
    { class: 'sign-in card', 'aria-labelledby': 'sign-in-title' },
    h('h1', { id: 'sign-in-title' }, 'Sign in to the department console'),
    h(
      'div',
      { class: 'field' },
      h('label', { for: id }, 'Access token'),
      input,
      h(
        'p',
        { class: 'hint', id: `${id}-hint` },
        'Paste the bearer token you were given. It stays in this browser tab only and is forgotten when the tab closes.',
      ),
      error,
    ),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, 'Sign in')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const session = decodeToken(input.value);
    if (!session) {
      error.hidden = false;
      error.textContent = 'That is not a valid, unexpired token (a JWT with sub and roles).';
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    signIn(session);
    done(session);
  });
  return h('div', { class: 'centered' }, form);
}
