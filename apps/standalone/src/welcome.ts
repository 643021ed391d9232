/** What a newcomer needs after `npm start`: where it listens, a token, a request to paste. */
export function printWelcome(p: {
  url: string;
  adminToken: string | undefined;
  tokenLife: string;
  secretSource: string;
  dataDir: string;
  database: string;
  demo?: string[];
}): void {
  const lines = [
    '',
    `Caseledger is listening on ${p.url}`,
    `  API docs:  ${p.url}/docs   (OpenAPI JSON: ${p.url}/docs-json)`,
    `  Console:   ${p.url}/console   (paste the token below to sign in)`,
    `  Data:      ${p.database === 'embedded' ? `embedded PostgreSQL in ${p.dataDir}/postgres` : 'PostgreSQL at DATABASE_URL'}`,
    `  JWT secret ${p.secretSource === 'environment' ? 'from AUTH_JWT_SECRET' : `kept in ${p.dataDir}/jwt-secret`}`,
    '',
    ...(p.adminToken
      ? [`Admin token (valid ${p.tokenLife}):`, `  export TOKEN=${p.adminToken}`]
      : [
          'No token printed: the secret comes from AUTH_JWT_SECRET. Mint one: npm run --silent cli -- token --sub ID --role ROLE',
        ]),
    '',
    'Try it:',
    `  curl -s -X POST ${p.url}/cases -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\`,
    `    -d '{"channel":"mail","complainant":{"type":"distributor","id":"D-17"},"subject":"Broken lid","body":"The lid arrived cracked."}'`,
    ...(p.demo ?? []),
    '',
    `Caseledger ready ${p.url}`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
}
