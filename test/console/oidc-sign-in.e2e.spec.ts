import { jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { TestIdentityProvider } from '../support/identity-provider.js';
import { chromiumAvailable, launch, seriousViolations, settled } from './support/browser.js';
import { startConsoleApp, type ConsoleTestApp } from './support/console-app.js';

jest.setTimeout(120_000);

const describeInBrowser = chromiumAvailable() ? describe : describe.skip;

/**
 * The console's OpenID Connect login (issue 22): with AUTH_ISSUER and CONSOLE_OIDC_CLIENT_ID set,
 * the sign-in page sends people to the provider (authorization code with PKCE) and takes the
 * access token it gives back; the API then verifies that token as any other (JWK set by discovery,
 * audience, roles at AUTH_ROLES_CLAIM). A Keycloak-like provider of the tests' own, over real HTTP.
 */
describeInBrowser('signing in to the console at the identity provider (OpenID Connect)', () => {
  let idp: TestIdentityProvider;
  let app: ConsoleTestApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    idp = await TestIdentityProvider.start();
    app = await startConsoleApp({
      AUTH_ISSUER: idp.issuer,
      AUTH_AUDIENCE: 'caseledger',
      AUTH_ROLES_CLAIM: 'realm_access.roles',
      CONSOLE_OIDC_CLIENT_ID: 'caseledger-console',
    });
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await idp?.stop();
  });

  beforeEach(async () => {
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  });

  afterEach(async () => {
    await page?.context().close();
  });

  const signedInAs = () => page.locator('[data-testid="signed-in-as"]');
  const providerButton = () => page.getByRole('button', { name: `Sign in with ${new URL(idp.issuer).host}` });

  it('signs a supervisor in at the provider and lands on the department, the code gone from the address', async () => {
    const key = await idp.newKey('rsa-console', 'RS256');
    idp.signsInAs = {
      key,
      claims: { sub: 'SUP-9', aud: ['account', 'caseledger'], realm_access: { roles: ['supervisor'] } },
    };
    const before = idp.tokenRequests;
    await page.goto(`${app.url}/console/`);
    await providerButton().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await providerButton().click();
    await signedInAs().waitFor();
    await settled(page);
    expect(await signedInAs().textContent()).toBe('SUP-9');
    expect(await page.locator('.who .roles').textContent()).toBe('supervisor');
    expect(page.url()).toBe(`${app.url}/console/#/department`);
    // The department's reports came from the API with the provider's token: no refusal on the page.
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Department today');
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(idp.tokenRequests).toBe(before + 1);
    // Reloading does not replay the code: the session is kept for the tab, the provider is not asked again.
    await page.reload();
    await settled(page);
    expect(await signedInAs().textContent()).toBe('SUP-9');
    expect(idp.tokenRequests).toBe(before + 1);
  });

  it('shows the provider declining, and signs nobody in', async () => {
    idp.signsInAs = null;
    const before = idp.tokenRequests;
    await page.goto(`${app.url}/console/`);
    await providerButton().click();
    const failure = page.getByTestId('sign-in-failure');
    await failure.waitFor();
    expect(await failure.textContent()).toBe('The identity provider did not sign you in (access_denied).');
    expect(await signedInAs().count()).toBe(0);
    expect(idp.tokenRequests).toBe(before);
  });

  it('refuses a code this tab did not ask for (another state), without taking it to the provider', async () => {
    const before = idp.tokenRequests;
    await page.goto(`${app.url}/console/?code=someone-elses&state=forged`);
    const failure = page.getByTestId('sign-in-failure');
    await failure.waitFor();
    expect(await failure.textContent()).toBe('This sign-in was not started from this tab; start it again.');
    expect(page.url()).toBe(`${app.url}/console/#/sign-in`);
    expect(await signedInAs().count()).toBe(0);
    expect(idp.tokenRequests).toBe(before);
  });

  it('lets the page reach the provider and nothing else besides its own origin', async () => {
    const response = await fetch(`${app.url}/console/`);
    expect(response.headers.get('content-security-policy')).toContain(
      `connect-src 'self' ${new URL(idp.issuer).origin};`,
    );
    const signIn = await (await fetch(`${app.url}/console/sign-in.json`)).json();
    expect(signIn).toEqual({
      rolesClaim: 'realm_access.roles',
      oidc: { issuer: idp.issuer, clientId: 'caseledger-console' },
    });
  });
});
