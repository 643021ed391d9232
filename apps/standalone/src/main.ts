// `npm start`: the whole system in one process. Until the API lands, it only says so.
console.log('Caseledger: API coming — the domain is in libs/domain, run `npm test` to see it at work.');
