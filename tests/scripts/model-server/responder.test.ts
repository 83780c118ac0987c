// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  SUGGESTION_JSON_SCHEMA,
  SUGGESTION_SCHEMA_NAME,
  suggestionPrompt,
  translationPrompt,
  type TranscriptLine,
} from '@/services/model/prompts';
import { TRANSLATIONS } from '@/scripts/model-server/phrasebook';
import { classify, respond, splitIntoChunks, suggest, translate } from '@/scripts/model-server/responder';

const FIXTURES_TO_EN: Array<[string, 'de' | 'pt' | 'fr' | 'ja', string]> = [
  [
    'Hallo, ich habe meine Bestellung #40213 vor zwei Wochen aufgegeben und sie ist immer noch nicht angekommen.',
    'de',
    "Hello, I placed my order #40213 two weeks ago and it still hasn't arrived.",
  ],
  [
    'Können Sie mir bitte sagen, wann das Paket ankommt? Ich brauche es bis Freitag.',
    'de',
    'Could you please tell me when the parcel will arrive? I need it by Friday.',
  ],
  ['Vielen Dank! Kann ich die Lieferadresse noch ändern?', 'de', 'Thank you very much! Can I still change the delivery address?'],
  ['Olá, não recebi o meu pedido e já passaram três semanas.', 'pt', "Hello, I haven't received my order and three weeks have already passed."],
  ['O número é 55781. Obrigado!', 'pt', 'The number is 55781. Thank you!'],
  [
    "Bonjour, le colis est arrivé endommagé. Je voudrais un remboursement, s'il vous plaît.",
    'fr',
    'Hello, the parcel arrived damaged. I would like a refund, please.',
  ],
  ['荷物がまだ届いていません。いつ届きますか？', 'ja', "My package hasn't arrived yet. When will it arrive?"],
];

function suggestionRequest(transcript: TranscriptLine[], customer: 'de' | 'pt' | 'fr' | 'ja' | 'pl' | 'en', agent: 'en' | 'de' | 'ko') {
  return {
    messages: suggestionPrompt(transcript, customer, agent),
    response_format: { type: 'json_schema', json_schema: { name: SUGGESTION_SCHEMA_NAME, strict: true, schema: SUGGESTION_JSON_SCHEMA } },
  };
}

function parseSuggestions(content: string): Array<{ reply: string; gloss: string }> {
  return (JSON.parse(content) as { suggestions: Array<{ reply: string; gloss: string }> }).suggestions;
}

describe('translation answers (extension prompts)', () => {
  it.each(FIXTURES_TO_EN)('translates the fixture %s into English', (text, source, english) => {
    const answer = respond({ messages: translationPrompt(text, source, 'en') });
    expect(answer).toEqual({ task: 'translate', content: english });
  });

  it('looks up the trimmed text and also knows German and French targets', () => {
    const text = 'O número é 55781. Obrigado!';
    expect(respond({ messages: translationPrompt(`  ${text}\n`, 'pt', 'de') }).content).toBe('Die Nummer ist 55781. Danke!');
    expect(respond({ messages: translationPrompt(text, null, 'fr') }).content).toBe('Le numéro est 55781. Merci !');
  });

  it('marks unknown texts as pseudo-translations, with ? for an unknown source', () => {
    expect(respond({ messages: translationPrompt('Guten Morgen', 'de', 'en') }).content).toBe('[de→en] Guten Morgen');
    expect(respond({ messages: translationPrompt('Guten Morgen', null, 'ja') }).content).toBe('[?→ja] Guten Morgen');
    expect(translate('x', undefined, 'fr')).toBe('[?→fr] x');
  });

  it('does not read prototype keys as phrasebook entries', () => {
    expect(translate('constructor', 'en', 'name')).toBe('[en→name] constructor');
  });

  it('phrasebook keys are already trimmed (exact lookups can match)', () => {
    for (const key of Object.keys(TRANSLATIONS)) expect(key).toBe(key.trim());
  });
});

describe('suggestion answers (extension prompts)', () => {
  const transcript: TranscriptLine[] = [
    { role: 'customer', text: 'Hallo, ich habe meine Bestellung #40213 vor zwei Wochen aufgegeben und sie ist immer noch nicht angekommen.' },
  ];

  it('answers three German replies with English glosses, as JSON matching the schema', () => {
    const request = suggestionRequest(transcript, 'de', 'en');
    expect(classify(request)).toBe('suggest');
    const suggestions = parseSuggestions(respond(request).content);
    expect(suggestions).toHaveLength(3);
    for (const s of suggestions) {
      expect(Object.keys(s).sort()).toEqual(['gloss', 'reply']);
      expect(s.reply).toMatch(/Sie|Ihre|Ihnen/); // polite German
      expect(s.reply).not.toMatch(/^\[/);
      expect(s.gloss).toMatch(/^[A-Z][a-z']+ /); // plain English sentence
    }
    expect(new Set(suggestions.map((s) => s.reply)).size).toBe(3);
  });

  it('is deterministic for the same conversation', () => {
    expect(respond(suggestionRequest(transcript, 'pt', 'en'))).toEqual(respond(suggestionRequest(transcript, 'pt', 'en')));
  });

  it('changes the suggestions as the conversation goes on', () => {
    const picks = new Set<string>();
    let lines: TranscriptLine[] = [];
    for (const text of ['Hallo', 'Wo ist mein Paket?', 'Danke', 'Noch da?', 'Bitte antworten', 'Hallo?']) {
      lines = [...lines, { role: 'customer', text }];
      picks.add(respond(suggestionRequest(lines, 'de', 'en')).content);
    }
    expect(picks.size).toBeGreaterThan(1);
  });

  it('writes every built-in customer language and marks the others', () => {
    for (const language of ['de', 'pt', 'fr', 'es', 'it', 'nl', 'ja', 'en']) {
      for (const s of suggest('conversation', language, 'en')) expect(s.reply).not.toContain('→');
    }
    const polish = suggest('conversation', 'pl', 'en');
    for (const s of polish) expect(s.reply).toBe(`[en→pl] ${s.gloss}`);
  });

  it('glosses in the agent language, marked when not written out', () => {
    const english = suggest('conversation', 'fr', 'en');
    const korean = suggest('conversation', 'fr', 'ko');
    expect(korean.map((s) => s.reply)).toEqual(english.map((s) => s.reply));
    expect(korean.map((s) => s.gloss)).toEqual(english.map((s) => `[en→ko] ${s.gloss}`));
  });

  it('recognises a suggestion request by its fact lines alone, or by response_format alone', () => {
    expect(classify({ messages: suggestionPrompt(transcript, 'de', 'en') })).toBe('suggest');
    const bare = { messages: [{ role: 'user', content: 'hi' }], response_format: suggestionRequest(transcript, 'de', 'en').response_format };
    expect(classify(bare)).toBe('suggest');
    expect(parseSuggestions(respond(bare).content)).toHaveLength(3);
  });
});

describe('other requests', () => {
  it('echoes the first 80 characters of the last user message', () => {
    const long = 'a'.repeat(100);
    const answer = respond({
      messages: [
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'ok' },
        { role: 'user', content: long },
      ],
    });
    expect(answer).toEqual({ task: 'other', content: `Parley local model: ${'a'.repeat(80)}` });
  });

  it('reads array content parts', () => {
    const answer = respond({ messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi ' }, { type: 'text', text: 'there' }] }] });
    expect(answer.content).toBe('Parley local model: Hi there');
  });
});

describe('splitIntoChunks', () => {
  it('cuts text into a few words per piece and joins back exactly', () => {
    const text = "  Hello, I placed my order #40213 two weeks ago and it still hasn't arrived.\n";
    const chunks = splitIntoChunks(text);
    expect(chunks.join('')).toBe(text);
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) expect(chunk.trim().split(/\s+/).length).toBeLessThanOrEqual(3);
  });

  it('cuts long unspaced text such as Japanese', () => {
    const text = '荷物がまだ届いていません。いつ届きますか？';
    const chunks = splitIntoChunks(text);
    expect(chunks.join('')).toBe(text);
    expect(chunks.length).toBeGreaterThan(1);
  });

  it('returns no chunks for empty text', () => {
    expect(splitIntoChunks('')).toEqual([]);
  });
});
