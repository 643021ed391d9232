import { PassThrough } from 'node:stream';
import { verifyProgress } from './verify-progress.js';

function terminal(isTTY: boolean) {
  const stream = Object.assign(new PassThrough(), { isTTY });
  const chunks: string[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c.toString()));
  return { stream, text: () => chunks.join('') };
}

describe('verify progress', () => {
  it('on a terminal redraws one bar in place, at most ten times a second, with events/s', () => {
    const out = terminal(true);
    let now = 0;
    const progress = verifyProgress(out.stream, 2000, 2000, () => now);
    now = 500;
    progress.update({ eventsChecked: 500, streamsChecked: 4 });
    now = 550; // too soon: not drawn
    progress.update({ eventsChecked: 1000, streamsChecked: 8 });
    now = 1000;
    progress.done({ eventsChecked: 2000, streamsChecked: 9 });
    expect(out.text()).toBe(
      `\r[########----------------------]  25% 500/2,000 events, 4 streams, 1,000 events/s\x1b[K` +
        `\r[##############################] 100% 2,000/2,000 events, 9 streams, 2,000 events/s\x1b[K\n`,
    );
  });

  it('in a log writes plain lines, one per interval, and a last one', () => {
    const out = terminal(false);
    let now = 0;
    const progress = verifyProgress(out.stream, 3000, 2000, () => now);
    now = 1000;
    progress.update({ eventsChecked: 1000, streamsChecked: 2 });
    now = 2000;
    progress.update({ eventsChecked: 2000, streamsChecked: 3 });
    now = 3000;
    progress.update({ eventsChecked: 2500, streamsChecked: 4 });
    progress.done({ eventsChecked: 3000, streamsChecked: 5 });
    expect(out.text()).toBe(
      'verifying: 1,000/3,000 events, 2 streams, 1,000 events/s\n' +
        'verifying: 2,500/3,000 events, 4 streams, 833 events/s\n' +
        'verified: 3,000/3,000 events, 5 streams, 1,000 events/s\n',
    );
  });

  it('never draws past 100% when the log grew after it was counted', () => {
    const out = terminal(true);
    verifyProgress(out.stream, 10, 2000, () => 1000).done({ eventsChecked: 12, streamsChecked: 1 });
    expect(out.text()).toContain('[##############################] 100% 12/10 events');
  });
});
