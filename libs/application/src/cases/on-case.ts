import { caseDecider, caseStream } from '#domain';

/** The case's own stream, judged by the case decider: what every command on one case decides on. */
export const onCase = (caseId: string) => ({ streamId: caseStream(caseId), decider: caseDecider });
