import { z } from 'zod';

/**
 * What a simulated customer wants and knows. The model plays the customer from this brief (in the
 * market's language and manners), reacting to what the agent actually writes; the review checks
 * the agent against `resolution`. Built-in scenarios cover the usual cross-border cases; leads add
 * their own (stored with the market rules, shared in the same file).
 */

export const DIFFICULTIES = ['easy', 'normal', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export const scenarioSchema = z.object({
  id: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{1,40}$/u, 'must be lowercase letters, digits and dashes'),
  /** What the agent picks from ("Late delivery"). */
  title: z.string().trim().min(1).max(80),
  /** The customer's situation, facts included (order number, product, dates): the model stays within it. */
  brief: z.string().trim().min(1).max(2000),
  /** What a good resolution contains, for the review ("offers a refund or a replacement"). */
  resolution: z.string().trim().min(1).max(1000),
  /** How the customer's mood starts, as a few words for the model ("worried", "furious"). */
  mood: z.string().trim().max(100).default('polite'),
  /** The customer's first message in English; the model writes it in the market's language. */
  opening: z.string().trim().min(1).max(1000),
});
export type PracticeScenario = z.infer<typeof scenarioSchema>;

export const BUILT_IN_SCENARIOS: readonly PracticeScenario[] = [
  {
    id: 'late-delivery',
    title: 'Late delivery',
    brief: 'Ordered a pair of running shoes (order #40213) 12 days ago with standard shipping (3–5 days). The tracking page has not moved for 6 days. Needs them for a race in 5 days.',
    resolution: 'Apologises, checks or explains the tracking status, gives a realistic next step (carrier investigation, reshipment or refund) and when the customer will hear back. Promises no delivery date the carrier has not confirmed.',
    mood: 'worried',
    opening: 'Hello, my order #40213 still has not arrived after 12 days. Where is it?',
  },
  {
    id: 'damaged-item',
    title: 'Damaged item',
    brief: 'A ceramic table lamp (order #51877) arrived with a cracked base. Has photos. Wants a working lamp, not necessarily a refund.',
    resolution: 'Apologises, asks for (or acknowledges) the photos, offers a replacement or refund without making the customer pay return costs, and explains the next steps.',
    mood: 'disappointed',
    opening: 'The lamp I ordered (#51877) arrived broken, the base is cracked.',
  },
  {
    id: 'refund-request',
    title: 'Refund request',
    brief: 'Returned a jacket (order #33012) two weeks ago, the shop confirmed receipt 9 days ago, no refund yet. Paid by card.',
    resolution: 'Confirms the return was received, explains the refund timing for card payments, checks the refund status or escalates, and gives a date by which the customer hears back.',
    mood: 'impatient',
    opening: 'I sent back my jacket (order #33012) two weeks ago and I still have not got my money back.',
  },
  {
    id: 'size-exchange',
    title: 'Size exchange',
    brief: 'Bought trousers in size 32 (order #45290), they are too small, wants size 34 in the same colour. Still within the 30-day return window.',
    resolution: 'Explains how the exchange works (return label, whether the new size is reserved or shipped first), confirms size 34 is available or offers alternatives, no extra cost.',
    mood: 'friendly',
    opening: 'Hi, the trousers (order #45290) are too small. Can I exchange them for a bigger size?',
  },
  {
    id: 'customs-fees',
    title: 'Customs fees',
    brief: 'Was asked by the courier to pay 23.50 € import fees on a parcel (order #60144) before delivery. The product page said taxes included.',
    resolution: 'Acknowledges the surprise, explains why fees were charged, and offers a concrete fix (refund of the fees against the receipt, or refusing the parcel for a full refund) as the shop policy allows.',
    mood: 'annoyed',
    opening: 'The courier wants 23.50 € customs fees for my parcel (#60144). Your site said taxes included!',
  },
  {
    id: 'angry-repeat',
    title: 'Angry repeat customer',
    brief: 'Long-time customer. Third time in two months an order (now #70555) arrives late; wrote twice already without a useful answer. Considers leaving for a competitor.',
    resolution: 'De-escalates: acknowledges the repeated problem sincerely, takes ownership, gives a concrete action (priority shipping, a goodwill gesture if allowed) and a personal follow-up. No defensive or generic answers.',
    mood: 'furious',
    opening: 'This is the THIRD time my order is late (#70555). I have written twice and nobody answers properly. I am done with your shop.',
  },
  {
    id: 'vague-question',
    title: 'Vague question',
    brief: 'Wants to know "if it works" about a coffee grinder (product "Mora 2") but does not say with what: actually asks whether it fits an espresso machine and grinds fine enough for espresso.',
    resolution: 'Asks one or two clear questions to find out what the customer means, then answers the actual question (fine enough for espresso, any compatibility caveat) without guessing wildly.',
    mood: 'curious',
    opening: 'Hi, does the Mora 2 work?',
  },
  {
    id: 'language-switch',
    title: 'Customer switching language',
    brief: 'Starts in the market language about a missing item in order #81220 (a phone case missing from a two-item parcel), then switches to English midway because it is easier to explain.',
    resolution: 'Follows the customer into English without confusion, confirms what is missing, and sends the missing item or refunds it, with the next steps.',
    mood: 'polite',
    opening: 'Hello, in my order #81220 the phone case was missing, only the charger was in the box.',
  },
];

/** Built-in scenarios and the lead's own, the lead's replacing built-ins with the same id. */
export function allScenarios(own: readonly PracticeScenario[]): PracticeScenario[] {
  const ownIds = new Set(own.map((scenario) => scenario.id));
  return [...BUILT_IN_SCENARIOS.filter((scenario) => !ownIds.has(scenario.id)), ...own];
}
