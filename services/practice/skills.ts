import type { PracticeSession } from './practice-session';

/**
 * The skills view's figures from reviewed sessions: progress over time, and weak spots (the
 * lowest average scores) by market and by scenario, per agent.
 */

export interface SkillGroup {
  key: string;
  label: string;
  sessions: number;
  /** Average overall score. */
  average: number;
  /** The weakest of the four scores on average, and its value. */
  weakest: { score: 'resolution' | 'tone' | 'empathy' | 'accuracy'; average: number };
}

const SCORES = ['resolution', 'tone', 'empathy', 'accuracy'] as const;
const mean = (values: readonly number[]) => Math.round(values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length));

function group(sessions: readonly PracticeSession[], keyOf: (s: PracticeSession) => string, labelOf: (s: PracticeSession) => string): SkillGroup[] {
  const groups = new Map<string, PracticeSession[]>();
  for (const session of sessions) groups.set(keyOf(session), [...(groups.get(keyOf(session)) ?? []), session]);
  return [...groups.values()]
    .map((list) => {
      const averages = SCORES.map((score) => ({ score, average: mean(list.map((s) => s.review!.scores[score])) }));
      const weakest = averages.reduce((low, entry) => (entry.average < low.average ? entry : low));
      return { key: keyOf(list[0]!), label: labelOf(list[0]!), sessions: list.length, average: mean(list.map((s) => s.review!.overall)), weakest };
    })
    .sort((a, b) => a.average - b.average || a.label.localeCompare(b.label));
}

export interface SkillsSummary {
  /** Reviewed sessions, oldest first. */
  progress: Array<{ id: string; startedAt: number; label: string; overall: number }>;
  byMarket: SkillGroup[];
  byScenario: SkillGroup[];
  byAgent: SkillGroup[];
}

export function summarizeSkills(sessions: readonly PracticeSession[]): SkillsSummary {
  const reviewed = sessions.filter((session) => session.review).sort((a, b) => a.startedAt - b.startedAt);
  return {
    progress: reviewed.map((s) => ({ id: s.id, startedAt: s.startedAt, label: `${s.scenarioTitle} · ${s.marketId}`, overall: s.review!.overall })),
    byMarket: group(reviewed, (s) => s.marketId, (s) => `${s.marketName} (${s.marketId})`),
    byScenario: group(reviewed, (s) => s.scenarioId, (s) => s.scenarioTitle),
    byAgent: group(reviewed, (s) => s.agentName, (s) => s.agentName),
  };
}
