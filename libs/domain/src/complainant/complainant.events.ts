import type { Complainant } from '../case/case.values.js';

/**
 * Our own event of `complainant-{type}-{id}` (not in the spec's tables): a case was opened for this
 * complainant under this normalised subject. Appending it at the revision read makes repeat-contact
 * detection exact under concurrency: two identical complaints racing cannot both open a case.
 */
export type ComplainantCaseOpened = {
  type: 'ComplainantCaseOpened';
  data: { caseId: string; complainant: Complainant; subjectKey: string };
};

export type ComplainantEvent = ComplainantCaseOpened;
