import type { ComplaintReceived } from '../case/case.events.js';
import type { CaseState } from '../case/case.state.js';
import type { Channel, Complainant } from '../case/case.values.js';
import type { ReceiveComplaint } from '../complainant/complainant.commands.js';
import type { Actor } from '../shared/actor.js';
import { metadataFor, type When } from './clock.js';
import { anIntakeClerk } from './staff-fixtures.js';

type ComplaintData = ReceiveComplaint['data'];

/** A complaint as it reaches the department: `aComplaint().fromDistributor('D-17').byMail().about('Broken lid')`. */
export class ComplaintBuilder {
  constructor(private readonly data: ComplaintData) {}

  private with(changes: Partial<ComplaintData>): ComplaintBuilder {
    return new ComplaintBuilder({ ...this.data, ...changes });
  }

  withCaseId(caseId: string): ComplaintBuilder {
    return this.with({ caseId });
  }

  fromDistributor(id: string, name?: string): ComplaintBuilder {
    const complainant: Complainant =
      name !== undefined ? { type: 'distributor', id, name } : { type: 'distributor', id };
    return this.with({ complainant });
  }

  fromCustomer(id: string, name?: string): ComplaintBuilder {
    const complainant: Complainant =
      name !== undefined ? { type: 'customer', id, name } : { type: 'customer', id };
    return this.with({ complainant });
  }

  /** The customer's distributor (`distributorId`). */
  ofDistributor(distributorId: string): ComplaintBuilder {
    return this.with({ distributorId });
  }

  aboutOrder(orderId: string): ComplaintBuilder {
    return this.with({ orderId });
  }

  via(channel: Channel): ComplaintBuilder {
    return this.with({ channel });
  }

  byMail(): ComplaintBuilder {
    return this.via('mail');
  }

  byEmail(): ComplaintBuilder {
    return this.via('email');
  }

  byPhone(): ComplaintBuilder {
    return this.via('phone');
  }

  onTheWeb(): ComplaintBuilder {
    return this.via('web');
  }

  byChat(): ComplaintBuilder {
    return this.via('chat');
  }

  onSocial(): ComplaintBuilder {
    return this.via('social');
  }

  about(subject: string): ComplaintBuilder {
    return this.with({ subject });
  }

  saying(body: string): ComplaintBuilder {
    return this.with({ body });
  }

  get caseId(): string {
    return this.data.caseId;
  }

  /** The command `POST /cases` becomes, with the states of the complainant's cases about this subject. */
  receive(options: { by?: Actor; openCases?: CaseState[] } & When = {}): ReceiveComplaint {
    return {
      type: 'ReceiveComplaint',
      data: { ...this.data, complainant: { ...this.data.complainant } },
      metadata: metadataFor(options.by ?? anIntakeClerk().actor(), options),
      context: { openCases: options.openCases ?? [] },
    };
  }

  /** The ComplaintReceived event opening this case. */
  received(): ComplaintReceived {
    const { caseId, channel, complainant, distributorId, orderId, subject, body } = this.data;
    return {
      type: 'ComplaintReceived',
      data: {
        caseId,
        channel,
        complainant: { ...complainant },
        ...(distributorId !== undefined ? { distributorId } : {}),
        ...(orderId !== undefined ? { orderId } : {}),
        subject,
        body,
      },
    };
  }
}

export const aComplaint = (caseId = 'case-1') =>
  new ComplaintBuilder({
    caseId,
    channel: 'email',
    complainant: { type: 'distributor', id: 'D-17' },
    subject: 'Broken lid',
    body: 'The lid of my blender arrived cracked.',
  });
