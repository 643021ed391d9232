import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

export const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

/** `POST /cases/{id}/sort` for every operation of the document. */
export function operations(doc: any): Array<{ route: string; method: string; path: string; op: any }> {
  return Object.entries(doc.paths as Record<string, any>).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({
      route: `${method.toUpperCase()} ${path}`,
      method,
      path,
      op: item[method],
    })),
  );
}

/** Strict JSON Schema 2020-12: an unknown keyword (an OpenAPI 3.0 `nullable`, a typo) is an error. */
export function schemaCompiler(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, strictTypes: false, allErrors: true });
  ajv.addVocabulary(['example', 'discriminator', 'xml', 'externalDocs']);
  // Ajv knows OpenAPI 3.0's `nullable`; in a 3.1 document it means nothing, so it must be refused.
  ajv.removeKeyword('nullable');
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  return ajv;
}

/** Every Schema Object of the document, with where it is. */
function schemasOf(doc: any): Array<[string, object]> {
  const found: Array<[string, object]> = [];
  const media = (where: string, content: any) => {
    for (const [type, m] of Object.entries(content ?? {}))
      if ((m as any).schema) found.push([`${where} ${type}`, (m as any).schema]);
  };
  for (const [name, p] of Object.entries(doc.components?.parameters ?? {}))
    found.push([`parameter ${name}`, (p as any).schema]);
  for (const [name, s] of Object.entries(doc.components?.schemas ?? {}))
    found.push([`schema ${name}`, s as object]);
  for (const { route, op } of operations(doc)) {
    for (const p of op.parameters ?? []) if (p.schema) found.push([`${route} parameter ${p.name}`, p.schema]);
    media(`${route} request`, op.requestBody?.content);
    for (const [status, r] of Object.entries(op.responses ?? {})) {
      media(`${route} ${status}`, (r as any).content);
      for (const [name, h] of Object.entries((r as any).headers ?? {}))
        found.push([`${route} ${status} header ${name}`, (h as any).schema]);
    }
  }
  return found;
}

/**
 * What is wrong with the document, in words (empty when nothing is): swagger-parser's validation
 * (OpenAPI structure, $refs, operation ids, path parameters), every schema compiled as strict JSON
 * Schema 2020-12, and what the department's API promises of every operation — each route the app
 * serves is documented, with a summary, a success answer with its schema, and the error shape for
 * every 4xx/5xx.
 */
export async function documentProblems(doc: any, servedRoutes: string[]): Promise<string[]> {
  const problems: string[] = [];
  if (!/^3\.1\.\d+$/.test(doc.openapi)) problems.push(`openapi is ${doc.openapi}, not 3.1.x`);
  try {
    await SwaggerParser.validate(structuredClone(doc));
  } catch (error) {
    problems.push(`swagger-parser: ${(error as Error).message}`);
  }
  const ajv = schemaCompiler();
  for (const [where, schema] of schemasOf(doc)) {
    try {
      ajv.compile(schema);
    } catch (error) {
      problems.push(`${where}: ${(error as Error).message}`);
    }
  }
  if (!doc.servers?.length) problems.push('no servers');
  const documented = new Set(operations(doc).map((o) => o.route));
  for (const route of servedRoutes)
    if (!documented.has(route)) problems.push(`${route} is served but not documented`);
  for (const { route, op } of operations(doc))
    problems.push(...operationProblems(route, op), ...exampleProblems(ajv, route, op));
  return problems;
}

function operationProblems(route: string, op: any): string[] {
  const problems: string[] = [];
  if (!op.summary) problems.push(`${route}: no summary`);
  if (!Array.isArray(op.security)) problems.push(`${route}: no security (public routes say security: [])`);
  const statuses = Object.keys(op.responses ?? {});
  if (!statuses.some((s) => /^2\d\d$/.test(s))) problems.push(`${route}: no success answer`);
  for (const status of statuses) {
    const content = op.responses[status].content;
    if (!content || Object.values(content).some((m: any) => !m.schema))
      problems.push(`${route} ${status}: no body schema`);
    const error = content?.['application/json']?.schema;
    const isError = Number(status) >= 400 && !(route === 'GET /health' && status === '503');
    if (isError && !['statusCode', 'code', 'message'].every((k) => error?.required?.includes(k))) {
      problems.push(`${route} ${status}: not the error shape { statusCode, code, message, details? }`);
    }
  }
  if (op.security?.length && !statuses.includes('401'))
    problems.push(`${route}: needs a token but documents no 401`);
  for (const p of op.parameters ?? [])
    if (!p.$ref && !p.schema?.type && !p.schema?.anyOf)
      problems.push(`${route}: parameter ${p.name} has no type`);
  return problems;
}

/** A request body comes with an example, and the example is valid by the body's own schema. */
function exampleProblems(ajv: Ajv2020, route: string, op: any): string[] {
  const json = op.requestBody?.content?.['application/json'];
  if (!json) return [];
  if (json.example === undefined) return [`${route}: no request example`];
  try {
    const validate = ajv.compile(json.schema);
    return validate(json.example)
      ? []
      : [`${route}: the request example is invalid: ${ajv.errorsText(validate.errors)}`];
  } catch {
    return []; // the schema's own problem is reported already
  }
}

/** The validator of one documented answer body. */
export function answerValidator(
  ajv: Ajv2020,
  op: any,
  status: number,
  type = 'application/json',
): ValidateFunction | undefined {
  const schema = op.responses?.[status]?.content?.[type]?.schema;
  return schema ? ajv.compile(schema) : undefined;
}
