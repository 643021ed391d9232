/** One line of the case list: what the list shows and filters on, as the case-timeline read model knows it now. */
export interface CaseListItem {
  caseId: string;
  status: 'open' | 'resolved';
  receivedAt: string;
  channel: string;
  complainant: { type: string; id: string; name: string | null };
  distributorId: string | null;
  subject: string;
  category: string | null;
  complexity: number | null;
  priority: string | null;
  assigneeId: string | null;
}

/** Every filter is optional; the ones given must all match (SPEC §4, `GET /cases`). */
export interface CaseListFilter {
  status?: 'open' | 'resolved';
  /** A staff id, or `none` for cases nobody is assigned to. */
  assigneeId?: string;
  category?: string;
  priority?: string;
  channel?: string;
  /** The complainant's id (distributor or customer). */
  complainantId?: string;
  /** Received in [receivedFrom, receivedTo), business time. */
  receivedFrom?: string;
  receivedTo?: string;
  /** Case-insensitive words of the subject, matched as one substring. */
  subject?: string;
  limit: number;
  offset: number;
}

export interface CaseListPage {
  cases: CaseListItem[];
  /** How many cases match the filters in all (the list shows `limit` of them from `offset`). */
  total: number;
  limit: number;
  offset: number;
  /** The global position the read model had processed (as in the reports). */
  position: number;
}
