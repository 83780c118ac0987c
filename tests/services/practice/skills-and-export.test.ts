import { describe, expect, it } from 'vitest';
import { parsePracticeExport, practiceExport } from '@/services/practice/practice-export';
import type { PracticeSession } from '@/services/practice/practice-session';
import { summarizeSkills } from '@/services/practice/skills';

function session(id: string, agentName: string, marketId: string, scenarioId: string, startedAt: number, scores: [number, number, number, number] | null): PracticeSession {
  const [resolution, tone, empathy, accuracy] = scores ?? [0, 0, 0, 0];
  return {
    id,
    agentName,
    marketId,
    marketName: marketId === 'de-DE' ? 'Germany' : 'France',
    language: marketId === 'de-DE' ? 'de' : 'fr',
    variant: null,
    scenarioId,
    scenarioTitle: scenarioId,
    difficulty: 'normal',
    turns: [{ number: 1, role: 'customer', text: 'Hallo', at: startedAt }],
    status: scores ? 'ended' : 'active',
    resolved: Boolean(scores),
    ...(scores
      ? {
          review: {
            scores: { resolution, tone, empathy, accuracy },
            overall: Math.round((resolution + tone + empathy + accuracy) / 4),
            responseTimes: [],
            improvements: [{ turn: 2, advice: 'Apologise first.' }],
            summary: '',
            reviewedAt: startedAt + 1,
          },
        }
      : {}),
    startedAt,
  };
}

describe('skills view figures', () => {
  it('shows progress over time and the weakest markets, scenarios and skills first', () => {
    const skills = summarizeSkills([
      session('c', 'Mia', 'fr-FR', 'damaged-item', 3, [90, 100, 80, 90]),
      session('a', 'Mia', 'de-DE', 'late-delivery', 1, [40, 50, 45, 85]),
      session('b', 'Mia', 'de-DE', 'damaged-item', 2, [80, 100, 85, 85]),
      session('d', 'Mia', 'de-DE', 'late-delivery', 4, null),
    ]);
    expect(skills.progress.map((p) => [p.id, p.overall])).toEqual([
      ['a', 55],
      ['b', 88],
      ['c', 90],
    ]);
    expect(skills.byMarket.map((g) => [g.key, g.sessions, g.average, g.weakest])).toEqual([
      ['de-DE', 2, 72, { score: 'resolution', average: 60 }],
      ['fr-FR', 1, 90, { score: 'empathy', average: 80 }],
    ]);
    expect(skills.byScenario[0]).toMatchObject({ key: 'late-delivery', average: 55, weakest: { score: 'resolution', average: 40 } });
  });
});

describe('practice results files', () => {
  it("round-trips an agent's reviewed sessions, leaving out unreviewed and imported ones", () => {
    const own = session('a', 'Mia', 'de-DE', 'late-delivery', 1, [40, 50, 45, 85]);
    const file = practiceExport([own, session('d', 'Mia', 'de-DE', 'late-delivery', 4, null)]);
    const parsed = parsePracticeExport(file);
    expect(parsed).toEqual({ ok: true, sessions: [own] });
  });

  it('refuses a file that is not a results file, or an invalid one, with the reason', () => {
    expect(parsePracticeExport('{')).toEqual({ ok: false, reason: 'the file is not JSON' });
    expect(parsePracticeExport('{"format":"parley-market-rules"}')).toMatchObject({ ok: false, reason: expect.stringContaining('not a Parley practice results file') });
    const broken = JSON.parse(practiceExport([session('a', 'Mia', 'de-DE', 'late-delivery', 1, [40, 50, 45, 85])]));
    broken.sessions[0].review.overall = 400;
    expect(parsePracticeExport(JSON.stringify(broken))).toMatchObject({ ok: false, reason: expect.stringMatching(/^sessions\.0\.review\.overall: /) });
  });
});
