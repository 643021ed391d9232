import './styles.css';
import { ApiError } from './api.js';
import { h, replace } from './dom.js';
import { auditPage } from './pages/audit.js';
import { casePage } from './pages/case.js';
import { casesPage } from './pages/cases.js';
import { departmentPage } from './pages/department.js';
import { signInPage } from './pages/sign-in.js';
import { can } from './roles.js';
import { finishLogin, loginAnswer } from './oidc.js';
import { currentSession, decodeToken, signIn, signOut, useRolesClaim, type Session } from './session.js';
import { loadSignInConfig, type SignInConfig } from './sign-in-config.js';

const top = document.getElementById('top')!;
const main = document.getElementById('main')!;

/** Where a role starts its day: a correspondent on their own open cases, readers of reports on the department. */
export function landing(session: Session): string {
  if (can.readReports(session)) return '#/department';
  if (session.roles.includes('correspondent'))
    return `#/cases?assigneeId=${encodeURIComponent(session.staffId)}&status=open`;
  return '#/cases';
}

function nav(session: Session, page: string): HTMLElement {
  const link = (href: string, label: string, name: string) =>
    h('a', { href, 'aria-current': page === name ? 'page' : false }, label);
  return h(
    'div',
    { class: 'top-inner' },
    h('a', { class: 'brand', href: landing(session) }, 'Caseledger'),
    h(
      'nav',
      { 'aria-label': 'Main' },
      can.readReports(session) ? link('#/department', 'Department today', 'department') : null,
      link(
        session.roles.includes('correspondent') && !can.supervise(session)
          ? `#/cases?assigneeId=${encodeURIComponent(session.staffId)}&status=open`
          : '#/cases',
        'Cases',
        'cases',
      ),
      can.audit(session) ? link('#/audit', 'Audit', 'audit') : null,
    ),
    h(
      'div',
      { class: 'who' },
      h('span', { 'data-testid': 'signed-in-as' }, session.staffId),
      h('span', { class: 'roles' }, session.roles.join(', ')),
      h(
        'button',
        { type: 'button', class: 'link', onclick: () => (signOut(), (location.hash = '#/sign-in'), route()) },
        'Sign out',
      ),
    ),
  );
}

let generation = 0;
let signInConfig: SignInConfig = { rolesClaim: 'roles', oidc: null };
/** What went wrong with the last sign-in at the identity provider, shown once on the sign-in page. */
let signInFailure: string | undefined;

/**
 * Draws the page the address names. Each page is drawn into its own element and shown only if no
 * later navigation started meanwhile: a slow page never overwrites the one the user moved on to.
 */
async function route(): Promise<void> {
  const mine = ++generation;
  const [path, search = ''] = location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(search);
  const session = currentSession();
  if (!session || path === '/sign-in') {
    replace(top, h('div', { class: 'top-inner' }, h('span', { class: 'brand' }, 'Caseledger')));
    document.title = 'Sign in · Caseledger';
    const failure = signInFailure;
    signInFailure = undefined;
    replace(
      main,
      signInPage(signInConfig, (s) => ((location.hash = landing(s)), undefined), failure),
    );
    return;
  }
  const parts = (path || '').split('/').filter(Boolean);
  if (parts.length === 0) {
    location.replace(landing(session));
    return;
  }
  const page = parts[0];
  replace(top, nav(session, page));
  if (!main.firstElementChild?.classList.contains('page'))
    replace(main, h('p', { class: 'loading', role: 'status' }, 'Loading…'));
  main.setAttribute('aria-busy', 'true');
  // Which address this page was drawn for: tests (and scripts) wait for the page of the address they asked.
  const target = h('div', { class: 'page', 'data-route': location.hash });
  try {
    if (page === 'department' && can.readReports(session)) await departmentPage(target, params);
    else if (page === 'cases' && parts[1])
      await casePage(target, session, decodeURIComponent(parts[1]), params);
    else if (page === 'cases') await casesPage(target, session, params);
    else if (page === 'audit' && can.audit(session)) await auditPage(target, params);
    else
      replace(
        target,
        h('h1', {}, 'Not available'),
        h('p', {}, 'This page is not part of what your roles may see.'),
      );
  } catch (error) {
    const text =
      error instanceof ApiError ? `${error.problem.code}: ${error.problem.message}` : String(error);
    replace(
      target,
      h('h1', {}, 'Something went wrong'),
      h('p', { class: 'field-error', role: 'alert' }, text),
    );
  }
  if (mine !== generation) return;
  main.removeAttribute('aria-busy');
  replace(main, target);
  main.focus({ preventScroll: true });
}

/**
 * Before the first page: how this deployment signs people in, and, when the identity provider has
 * just sent the browser back with a code, the token it gives for it. The code leaves the address
 * bar at once (history.replaceState), so a reload or a bookmark never replays it.
 */
async function start(): Promise<void> {
  signInConfig = await loadSignInConfig();
  useRolesClaim(signInConfig.rolesClaim);
  const answer = loginAnswer();
  if (answer) {
    history.replaceState(null, '', `${location.pathname}#/sign-in`);
    try {
      if (!signInConfig.oidc) throw new Error('No identity provider is configured for this console.');
      const session = decodeToken(await finishLogin(answer, signInConfig.oidc));
      if (!session) throw new Error(`The token has no subject or no roles at ${signInConfig.rolesClaim}.`);
      signIn(session);
      history.replaceState(null, '', `${location.pathname}${landing(session)}`);
    } catch (error) {
      signInFailure = error instanceof Error ? error.message : String(error);
    }
  }
  window.addEventListener('hashchange', () => void route());
  await route();
}

void start();
