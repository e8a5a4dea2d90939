import { describe, expect, it } from 'vitest';
import { createLanes } from './lanes.js';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('lanes', () => {
  it('gives background work its turn once no foreground request is under way', async () => {
    const lanes = createLanes({ maxWaitMs: 10_000 });
    const order: string[] = [];
    const end = lanes.foreground();
    const turn = lanes.turn().then(() => order.push('background'));
    await tick();
    await tick();
    expect(order).toEqual([]);
    order.push('foreground ends');
    end();
    end(); // ending twice counts once
    await turn;
    expect(order).toEqual(['foreground ends', 'background']);
  });

  it('gives one turn per turn of the event loop, so that requests arriving meanwhile go first', async () => {
    const lanes = createLanes();
    const order: string[] = [];
    const turns = [1, 2, 3].map((n) => lanes.turn().then(() => order.push(`background ${n}`)));
    await lanes.turn(); // the fourth: after the first three
    expect(order).toEqual(['background 1', 'background 2', 'background 3']);
    // a foreground request that starts after the first turn delays the next ones until it ends
    const next = [4, 5].map((n) => lanes.turn().then(() => order.push(`background ${n}`)));
    await next[0];
    const end = lanes.foreground();
    await tick();
    await tick();
    expect(order.at(-1)).toBe('background 4');
    end();
    await Promise.all([...turns, ...next]);
    expect(order.at(-1)).toBe('background 5');
  });

  it('never starves background work: it runs after maxWaitMs whatever the foreground', async () => {
    const lanes = createLanes({ maxWaitMs: 30 });
    lanes.foreground(); // never ends
    const started = performance.now();
    await lanes.turn();
    expect(performance.now() - started).toBeGreaterThanOrEqual(29);
  });
});
