import type { SupportedLanguage } from '@/services/language/supported-languages';
import type { Difficulty } from './scenarios';

/**
 * One practice session with a simulated customer, as stored (Dexie `practice`): the setting, every
 * turn, and the review once it ended. Kept locally, per agent name; an agent exports theirs for the
 * lead.
 */

export interface PracticeTurn {
  /** 1-based, in order: the review refers to turns by this number. */
  number: number;
  role: 'customer' | 'agent';
  /** As the customer reads or wrote it (the customer's language). */
  text: string;
  at: number;
  /** Agent turns: time since the customer's turn before it. */
  responseMs?: number;
  /** Agent turns: the market checks that failed on it ("formality: …"). */
  failedChecks?: string[];
}

export interface PracticeScores {
  /** Did the agent solve the customer's problem (0–100). */
  resolution: number;
  /** Tone: share of the agent's turns that passed every market check (0–100). */
  tone: number;
  /** Acknowledging feelings, apologising where due, warmth (0–100). */
  empathy: number;
  /** Facts right: order details, policies, nothing invented (0–100). */
  accuracy: number;
}

export interface PracticeImprovement {
  /** The turn it refers to. */
  turn: number;
  advice: string;
}

export interface PracticeReview {
  scores: PracticeScores;
  /** The average of the four scores. */
  overall: number;
  /** Agent turn → how long the customer waited. */
  responseTimes: Array<{ turn: number; ms: number }>;
  /** Two or three concrete things to do better, each tied to a turn. */
  improvements: PracticeImprovement[];
  summary: string;
  reviewedAt: number;
}

export interface PracticeSession {
  id: string;
  agentName: string;
  marketId: string;
  marketName: string;
  language: SupportedLanguage;
  variant: string | null;
  scenarioId: string;
  scenarioTitle: string;
  difficulty: Difficulty;
  turns: PracticeTurn[];
  status: 'active' | 'ended';
  /** The simulated customer said the problem is solved. */
  resolved: boolean;
  review?: PracticeReview;
  startedAt: number;
  endedAt?: number;
  /** Read from a team member's exported results (a lead's view), not played in this browser. */
  imported?: boolean;
}

/** The conversation a session is stored as, so translation, suggestions and checks work on it as on a live one. */
export function practiceConversationKey(sessionId: string): string {
  return `practice:local:${sessionId}`;
}

/** A session ends by itself after this many customer turns. */
export const MAX_CUSTOMER_TURNS = 6;
