/** Hours within which a first response is due, per channel. */
export interface FirstResponseHours {
  mail: number;
  email: number;
  web: number;
  social: number;
  phone: number;
  chat: number;
}

/** The department's service standards; every decision records the version in force. */
export interface ServiceStandards {
  version: number;
  firstResponseHours: FirstResponseHours;
  /** Goodwill guideline in % of net sales. */
  goodwillPctOfSalesGuideline: number;
  goodwillPerGrantLimitCents: number;
  refundLimitCents: number;
}

/** In force until a supervisor sets others; not an event (SPEC §3). */
export const DEFAULT_STANDARDS: ServiceStandards = Object.freeze({
  version: 1,
  firstResponseHours: Object.freeze({ mail: 48, email: 24, web: 24, social: 4, phone: 4, chat: 1 }),
  goodwillPctOfSalesGuideline: 0.5,
  goodwillPerGrantLimitCents: 5000,
  refundLimitCents: 50000,
}) as ServiceStandards;

/** Exactly the six channels, whatever else the input carries. */
export const pickFirstResponseHours = (h: FirstResponseHours): FirstResponseHours => ({
  mail: h.mail,
  email: h.email,
  web: h.web,
  social: h.social,
  phone: h.phone,
  chat: h.chat,
});
