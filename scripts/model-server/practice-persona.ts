/**
 * The local model server's simulated customer and coach for practice mode: deterministic, so the
 * e2e tests and the demo can play a whole session. The customer reacts to what the agent wrote
 * (an apology, a concrete offer, a question), the way the scenario brief describes; the coach
 * scores from the same signals and names the agent turns its advice is about. German and English
 * lines; other languages get the English line marked as a pseudo-translation.
 */

type Lines = Partial<Record<string, string>> & { en: string };

const OPENING: Record<string, Lines> = {
  'late-delivery': {
    en: 'Hello, my order #40213 still has not arrived after 12 days. Where is it?',
    de: 'Hallo, meine Bestellung #40213 ist nach 12 Tagen immer noch nicht da. Wo ist sie?',
  },
  'damaged-item': {
    en: 'The lamp I ordered (#51877) arrived broken, the base is cracked.',
    de: 'Die Lampe, die ich bestellt habe (#51877), ist kaputt angekommen, der Fuß ist gesprungen.',
  },
  'refund-request': {
    en: 'I sent back my jacket (order #33012) two weeks ago and I still have not got my money back.',
    de: 'Ich habe meine Jacke (Bestellung #33012) vor zwei Wochen zurückgeschickt und mein Geld immer noch nicht bekommen.',
  },
  'size-exchange': {
    en: 'Hi, the trousers (order #45290) are too small. Can I exchange them for a bigger size?',
    de: 'Hallo, die Hose (Bestellung #45290) ist zu klein. Kann ich sie gegen eine größere Größe umtauschen?',
  },
  'customs-fees': {
    en: 'The courier wants 23.50 € customs fees for my parcel (#60144). Your site said taxes included!',
    de: 'Der Kurier will 23,50 € Zollgebühren für mein Paket (#60144). Auf Ihrer Seite stand, Steuern inklusive!',
  },
  'angry-repeat': {
    en: 'This is the THIRD time my order is late (#70555). I have written twice and nobody answers properly.',
    de: 'Das ist jetzt das DRITTE Mal, dass meine Bestellung zu spät ist (#70555). Ich habe zweimal geschrieben und niemand antwortet vernünftig.',
  },
  'vague-question': { en: 'Hi, does the Mora 2 work?', de: 'Hallo, funktioniert die Mora 2?' },
  'language-switch': {
    en: 'Hello, in my order #81220 the phone case was missing, only the charger was in the box.',
    de: 'Hallo, in meiner Bestellung #81220 fehlte die Handyhülle, nur das Ladegerät war im Karton.',
  },
};

const FACT: Record<string, Lines> = {
  'late-delivery': { en: 'It is order #40213, the running shoes. I need them by Saturday for a race.', de: 'Es ist die Bestellung #40213, die Laufschuhe. Ich brauche sie bis Samstag für einen Wettkampf.' },
  'damaged-item': { en: 'Yes, I have photos of the cracked base. I would like a lamp that works.', de: 'Ja, ich habe Fotos vom gesprungenen Fuß. Ich hätte gern eine Lampe, die funktioniert.' },
  'refund-request': { en: 'I paid by card. You confirmed the return 9 days ago.', de: 'Ich habe mit Karte bezahlt. Sie haben die Rücksendung vor 9 Tagen bestätigt.' },
  'size-exchange': { en: 'Size 34 please, in the same dark blue.', de: 'Größe 34 bitte, im selben Dunkelblau.' },
  'customs-fees': { en: 'I have the courier receipt for the 23.50 €.', de: 'Ich habe die Quittung des Kuriers über die 23,50 €.' },
  'angry-repeat': { en: 'It is #70555 and I needed it yesterday.', de: 'Es ist #70555 und ich hätte sie gestern gebraucht.' },
  'vague-question': { en: 'I mean: does it grind fine enough for my espresso machine?', de: 'Ich meine: Mahlt sie fein genug für meine Espressomaschine?' },
  'language-switch': { en: 'Sorry, English is easier: the case is the blue one, the charger did arrive.', de: 'Sorry, English is easier: the case is the blue one, the charger did arrive.' },
};

const PUSH: Lines = { en: 'And what are you going to do about it, concretely?', de: 'Und was machen Sie jetzt konkret?' };
const REJECT: Lines = { en: 'That is not enough. After all this trouble I expected more.', de: 'Das reicht mir nicht. Nach dem ganzen Ärger hätte ich mehr erwartet.' };
const THANKS: Lines = { en: 'Thank you, that helps me a lot!', de: 'Vielen Dank, das hilft mir sehr!' };

function say(lines: Lines, language: string): string {
  return lines[language] ?? `[en→${language}] ${lines.en}`;
}

const OFFER = /(erstatt|ersatz|austausch|umtausch|neue |neu |schick|versend|gutschrift|refund|replac|exchange|send|reembols|rembours|envia|envoy|troca|rimbors|sostitu)/i;
const APOLOGY = /(entschuldig|leid|sorry|apolog|desculp|disculp|désolé|excus|scus)/i;

export interface PracticeTurnLike {
  turn: number;
  from: string;
  text: string;
}

function parseTurns(content: string): PracticeTurnLike[] {
  try {
    const turns = (JSON.parse(content) as { conversation?: unknown }).conversation;
    return Array.isArray(turns) ? (turns as PracticeTurnLike[]) : [];
  } catch {
    return [];
  }
}

/** The customer's next message: `{message, resolved}`. */
export function practiceCustomer(content: string, scenario: string, language: string, difficulty: string): { message: string; resolved: boolean } {
  const turns = parseTurns(content);
  const agent = turns.filter((turn) => turn.from === 'agent');
  if (agent.length === 0) return { message: say(OPENING[scenario] ?? OPENING['late-delivery']!, language), resolved: false };
  const last = agent.at(-1)!.text;
  const customerSaidNo = turns.some((turn) => turn.from === 'customer' && Object.values(REJECT).includes(turn.text));
  if (OFFER.test(last)) {
    if (difficulty === 'hard' && !APOLOGY.test(last) && !customerSaidNo) return { message: say(REJECT, language), resolved: false };
    return { message: say(THANKS, language), resolved: true };
  }
  if (last.includes('?')) return { message: say(FACT[scenario] ?? FACT['late-delivery']!, language), resolved: false };
  return { message: say(PUSH, language), resolved: false };
}

/** The coach's review: scores from the same signals, advice tied to agent turns. */
export function practiceReview(content: string, agentLanguage: string, resolved: boolean) {
  const agent = parseTurns(content).filter((turn) => turn.from === 'agent');
  const first = agent[0]?.turn ?? 1;
  const last = agent.at(-1)?.turn ?? first;
  const apologised = agent.some((turn) => APOLOGY.test(turn.text));
  const advice = (en: string) => (agentLanguage === 'en' ? en : `[en→${agentLanguage}] ${en}`);
  const improvements: Array<{ turn: number; advice: string }> = [];
  if (!APOLOGY.test(agent[0]?.text ?? '')) improvements.push({ turn: first, advice: advice('Acknowledge the problem and apologise in your first reply, before asking for details.') });
  if (!resolved) improvements.push({ turn: last, advice: advice('Offer a concrete next step (a replacement, a refund or an investigation) instead of a general promise.') });
  improvements.push({ turn: last, advice: advice('End by telling the customer when they will hear from you again.') });
  return {
    resolution: resolved ? 90 : 40,
    empathy: apologised ? 85 : 45,
    accuracy: 85,
    improvements: improvements.slice(0, 3),
    summary: advice(resolved ? 'The customer left satisfied; work on the details below.' : 'The customer is still waiting for a solution.'),
  };
}

/** A persona line in another language, when the text is one of them (so the demo shows real translations). */
export function personaTranslation(text: string, target: string): string | undefined {
  for (const lines of [...Object.values(OPENING), ...Object.values(FACT), PUSH, REJECT, THANKS]) {
    if (Object.values(lines).includes(text) && lines[target]) return lines[target];
  }
  return undefined;
}
