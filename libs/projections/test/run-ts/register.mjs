// node --conditions=caseledger-source --import ./libs/projections/test/run-ts/register.mjs some-file.ts
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
