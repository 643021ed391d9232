import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson } from '#event-store';
import { callDocumentedFunction, writeDocumentedVerifier } from './support/python-verifier.js';

/**
 * The canonical JSON of docs/audit.md's Python verifier, held to RFC 8785 and to the code base's
 * canonicalJson. It used to stop at any fractional number ("cannot canonicalise the number 0.5"),
 * so the outside check failed on a log with the default goodwill guideline of 0.5.
 */
describe('the documented canonical JSON (python3)', () => {
  const python = writeDocumentedVerifier(mkdtempSync(join(tmpdir(), 'caseledger-jcs-')));

  // RFC 8785 Appendix B: IEEE 754 doubles (hex) and how ECMAScript, so JCS, writes them.
  const RFC_8785_NUMBERS: Array<[string, string]> = [
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ];

  it("writes every number of RFC 8785's test vectors as the RFC, and the code base's canonicalJson, do", () => {
    const doubles = RFC_8785_NUMBERS.map(([hex]) => Buffer.from(hex, 'hex').readDoubleBE(0));
    const expected = RFC_8785_NUMBERS.map(([, text]) => text);
    expect(doubles.map((d) => canonicalJson(d))).toEqual(expected);
    // JSON carries -0 as 0 already; the other values travel to Python exactly (shortest round trip).
    expect(callDocumentedFunction(python, 'number', doubles)).toEqual(expected);
  });

  it("canonicalises the RFC's example object (§3.2.2) and fractional standards like the code base", () => {
    const example = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    );
    const standards = {
      goodwillPctOfSalesGuideline: 0.5,
      firstResponseHours: { mail: 24, chat: 1.25 },
      big: 1e21,
      tiny: 1e-7,
    };
    const [ofExample, ofStandards] = callDocumentedFunction(python, 'jcs', [example, standards]);
    expect(ofExample).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
    expect(ofExample).toBe(canonicalJson(example));
    expect(ofStandards).toBe(canonicalJson(standards));
  });
});
