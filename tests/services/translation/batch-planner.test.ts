import { describe, expect, it } from 'vitest';
import { planBatches } from '@/services/translation/batch-planner';

const message = (n: number, text = `message ${n}`) => ({ messageKey: `k${n}`, text, order: n });

describe('planBatches', () => {
  it('sends identical texts once, for every message that has them', () => {
    const batches = planBatches([message(1, 'Hallo?'), message(2, 'Danke'), message(3, 'Hallo?')]);
    expect(batches).toHaveLength(1);
    expect(batches[0]).toEqual([
      { id: '1', text: 'Hallo?', messageKeys: ['k1', 'k3'] },
      { id: '2', text: 'Danke', messageKeys: ['k2'] },
    ]);
  });

  it('puts the newest message first and cuts by item count', () => {
    const batches = planBatches(Array.from({ length: 30 }, (_, i) => message(i)), { maxItems: 16, maxChars: 100_000 });
    expect(batches.map((b) => b.length)).toEqual([16, 14]);
    expect(batches[0]![0]!.text).toBe('message 29');
    expect(batches[1]!.at(-1)!.text).toBe('message 0');
    expect(batches[1]![0]!.id).toBe('1');
  });

  it('cuts by characters, but never leaves a long message out', () => {
    const batches = planBatches([message(1, 'x'.repeat(5_000)), message(2, 'short'), message(3, 'y'.repeat(5_000))], { maxItems: 16, maxChars: 6_000 });
    expect(batches.map((b) => b.map((i) => i.messageKeys[0]))).toEqual([['k3', 'k2'], ['k1']]);
  });
});
