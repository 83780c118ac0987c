import { z } from 'zod';
import { SUPPORTED_LANGUAGE_CODES } from '@/services/language/supported-languages';
import type { PracticeSession } from './practice-session';
import { DIFFICULTIES } from './scenarios';

/**
 * Practice results as a file an agent gives their lead: the reviewed sessions with their
 * transcripts. A lead imports several agents' files to see the team; a bad file is refused with
 * the reason and nothing is stored.
 */
export const PRACTICE_EXPORT_FORMAT = 'parley-practice-results';

const score = z.number().min(0).max(100);
const sessionSchema = z.object({
  id: z.string().min(1).max(80),
  agentName: z.string().max(80),
  marketId: z.string().min(1).max(40),
  marketName: z.string().max(80),
  language: z.enum(SUPPORTED_LANGUAGE_CODES),
  variant: z.string().max(20).nullable(),
  scenarioId: z.string().min(1).max(60),
  scenarioTitle: z.string().max(80),
  difficulty: z.enum(DIFFICULTIES),
  turns: z
    .array(
      z.object({
        number: z.number().int().min(1),
        role: z.enum(['customer', 'agent']),
        text: z.string().max(20_000),
        at: z.number(),
        responseMs: z.number().min(0).optional(),
        failedChecks: z.array(z.string().max(2000)).max(20).optional(),
      }),
    )
    .max(100),
  status: z.enum(['active', 'ended']),
  resolved: z.boolean(),
  review: z
    .object({
      scores: z.object({ resolution: score, tone: score, empathy: score, accuracy: score }),
      overall: score,
      responseTimes: z.array(z.object({ turn: z.number().int(), ms: z.number().min(0) })).max(100),
      improvements: z.array(z.object({ turn: z.number().int(), advice: z.string().max(2000) })).max(10),
      summary: z.string().max(2000),
      reviewedAt: z.number(),
    })
    .optional(),
  startedAt: z.number(),
  endedAt: z.number().optional(),
});

const exportSchema = z.object({ format: z.literal(PRACTICE_EXPORT_FORMAT), version: z.literal(1), sessions: z.array(sessionSchema).max(5000) });

export function practiceExport(sessions: readonly PracticeSession[]): string {
  const reviewed = sessions.filter((session) => session.review).map(({ imported: _imported, ...session }) => session);
  return `${JSON.stringify({ format: PRACTICE_EXPORT_FORMAT, version: 1, sessions: reviewed }, null, 2)}\n`;
}

export function parsePracticeExport(text: string): { ok: true; sessions: PracticeSession[] } | { ok: false; reason: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the file is not JSON' };
  }
  if ((data as { format?: unknown } | null)?.format !== PRACTICE_EXPORT_FORMAT) return { ok: false, reason: `not a Parley practice results file ("format" must be "${PRACTICE_EXPORT_FORMAT}")` };
  const parsed = exportSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue?.path.join('.') || 'the file'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, sessions: parsed.data.sessions };
}
