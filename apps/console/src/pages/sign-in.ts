import { h, uniqueId } from '../dom.js';
import { startLogin } from '../oidc.js';
import { decodeToken, signIn, type Session } from '../session.js';
import type { SignInConfig } from '../sign-in-config.js';

/**
 * Signing in: with the deployment's identity provider when one is configured (OpenID Connect), or
 * with a token pasted once (the one `npm start` prints, or one your identity provider issues), kept
 * for this tab. `failure` is what went wrong with a sign-in at the provider, shown above both.
 */
export function signInPage(
  config: SignInConfig,
  done: (session: Session) => void,
  failure?: string,
): HTMLElement {
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
    failure
      ? h('p', { class: 'field-error', role: 'alert', 'data-testid': 'sign-in-failure' }, failure)
      : null,
    config.oidc ? providerButton(config.oidc) : null,
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

/** Off to the provider's own sign-in page; it sends the person back here with a code. */
function providerButton(oidc: NonNullable<SignInConfig['oidc']>): HTMLElement {
  const status = h('p', { class: 'field-error', role: 'alert', hidden: true });
  const button = h(
    'button',
    { type: 'button', class: 'primary' },
    `Sign in with ${new URL(oidc.issuer).host}`,
  );
  button.addEventListener('click', () => {
    button.setAttribute('disabled', '');
    startLogin(oidc).catch((error: unknown) => {
      button.removeAttribute('disabled');
      status.hidden = false;
      status.textContent = `The identity provider cannot be reached: ${String(error)}`;
    });
  });
  return h(
    'div',
    { class: 'field provider' },
    button,
    status,
    h('p', { class: 'hint' }, 'Or paste an access token below.'),
  );
}
