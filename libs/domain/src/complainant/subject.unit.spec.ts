import { normaliseSubject } from './subject.js';

describe('normaliseSubject', () => {
  it.each([
    ['Broken lid', 'broken lid'],
    ['  RE:  Fwd:re: Broken   Lid ', 'broken lid'],
    ['re:', ''],
    ['fwd:', ''],
    ['RE: RE: RE:', ''],
    ['', ''],
    ['   ', ''],
    ['Re:Broken lid', 'broken lid'],
    ['FWD:   broken lid', 'broken lid'],
    ['fw: broken lid', 'fw: broken lid'],
    ['re : broken lid', 're : broken lid'],
    ['Broken lid re: my order', 'broken lid re: my order'],
    ['Re: broken lid re: my order', 'broken lid re: my order'],
    ['Broken\tlid\n\r\nagain', 'broken lid again'],
    ['Broken\u00a0lid', 'broken lid'],
    ['Broken\u2003\u3000lid', 'broken lid'],
    ['\ufeffRe: Broken lid', 'broken lid'],
    ['re:re:re:fwd:fwd: X', 'x'],
    ['Reply: broken lid', 'reply: broken lid'],
    ['ÜBER Lid', 'über lid'],
    ['re: re broken', 're broken'],
  ])('%j → %j', (subject, key) => {
    expect(normaliseSubject(subject)).toBe(key);
  });

  it('is idempotent', () => {
    for (const subject of ['  RE:  Fwd:re: Broken   Lid ', 'x', 'Re:  re: ']) {
      expect(normaliseSubject(normaliseSubject(subject))).toBe(normaliseSubject(subject));
    }
  });
});
