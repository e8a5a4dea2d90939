import { describe, expect, it } from 'vitest';
import { createProgress } from './progress.js';

function capture(isTTY: boolean) {
  const stream = { isTTY, text: '', write: (chunk: string) => (stream.text += chunk) };
  return stream;
}

describe('createProgress', () => {
  it('redraws one bar in place on a terminal', () => {
    const stream = capture(true);
    const progress = createProgress(stream, 'reading');
    for (let done = 0; done <= 200; done += 1) progress.update(done, 200);
    progress.finish();
    const frames = stream.text.split('\r').filter(Boolean);
    expect(frames).toHaveLength(101); // one per percent, not one per call
    expect(frames.at(-1)).toBe(`reading [${'#'.repeat(30)}] 100% (200/200)\n`);
  });

  it('writes a line per tenth in a log', () => {
    const stream = capture(false);
    const progress = createProgress(stream, 'reading');
    for (let done = 0; done <= 1000; done += 1) progress.update(done, 1000);
    progress.finish();
    const lines = stream.text.trimEnd().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[3]).toBe('reading: 300/1000 (30%)');
    expect(stream.text).not.toContain('\r');
  });
});
