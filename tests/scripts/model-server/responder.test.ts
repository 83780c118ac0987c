// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  SUGGESTION_JSON_SCHEMA,
  SUGGESTION_SCHEMA_NAME,
  BATCH_TRANSLATION_JSON_SCHEMA,
  BATCH_TRANSLATION_SCHEMA_NAME,
  batchTranslationPrompt,
  suggestionPrompt,
  type TranscriptLine,
} from '@/services/model/prompts';
import { singleTranslationPrompt } from './requests';
import { TRANSLATIONS } from '@/scripts/model-server/phrasebook';
import {
  alterNumbers,
  BadRequestContent,
  classify,
  malformedContent,
  parseBatch,
  respond,
  splitIntoChunks,
  suggest,
  translate,
} from '@/scripts/model-server/responder';

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
    const answer = respond({ messages: singleTranslationPrompt(text, source, 'en') });
    expect(answer).toEqual({ task: 'translate', content: english, format: 'text', items: 1 });
  });

  it('looks up the trimmed text and also knows German and French targets', () => {
    const text = 'O número é 55781. Obrigado!';
    expect(respond({ messages: singleTranslationPrompt(`  ${text}\n`, 'pt', 'de') }).content).toBe('Die Nummer ist 55781. Danke!');
    expect(respond({ messages: singleTranslationPrompt(text, null, 'fr') }).content).toBe('Le numéro est 55781. Merci !');
  });

  it('marks unknown texts as pseudo-translations, with ? for an unknown source', () => {
    expect(respond({ messages: singleTranslationPrompt('Guten Morgen', 'de', 'en') }).content).toBe('[de→en] Guten Morgen');
    expect(respond({ messages: singleTranslationPrompt('Guten Morgen', null, 'ja') }).content).toBe('[?→ja] Guten Morgen');
    expect(translate('x', undefined, 'fr')).toBe('[?→fr] x');
  });

  it('does not read prototype keys as phrasebook entries', () => {
    expect(translate('constructor', 'en', 'name')).toBe('[en→name] constructor');
  });

  it('phrasebook keys are already trimmed (exact lookups can match)', () => {
    for (const key of Object.keys(TRANSLATIONS)) expect(key).toBe(key.trim());
  });
});

function batchRequest(texts: string[], source: 'de' | 'pt' | 'fr' | 'ja' | null, target: 'en' | 'de' | 'fr') {
  return {
    messages: batchTranslationPrompt(texts.map((text, i) => ({ id: String(i + 1), text })), source, target),
    response_format: {
      type: 'json_schema',
      json_schema: { name: BATCH_TRANSLATION_SCHEMA_NAME, strict: true, schema: BATCH_TRANSLATION_JSON_SCHEMA },
    },
  };
}

function parseTranslations(content: string): Array<{ id: string; text: string }> {
  const parsed = JSON.parse(content) as { translations: Array<{ id: string; text: string }> };
  expect(Object.keys(parsed)).toEqual(['translations']);
  return parsed.translations;
}

describe('batched translation answers (extension prompt, Answer format: translations-json)', () => {
  it('translates every item with the phrasebook or the pseudo-translation, same ids and order', () => {
    const texts = [FIXTURES_TO_EN[0]![0], 'Guten Morgen', FIXTURES_TO_EN[2]![0]];
    const answer = respond(batchRequest(texts, 'de', 'en'));
    expect(answer).toMatchObject({ task: 'translate', format: 'json', items: 3 });
    expect(parseTranslations(answer.content)).toEqual([
      { id: '1', text: FIXTURES_TO_EN[0]![2] },
      { id: '2', text: '[de→en] Guten Morgen' },
      { id: '3', text: FIXTURES_TO_EN[2]![2] },
    ]);
  });

  it('keeps placeholders verbatim and uses ? for an unknown source', () => {
    const answer = respond(batchRequest(['Schreiben Sie an [EMAIL_1] oder [PHONE_2].'], null, 'fr'));
    expect(parseTranslations(answer.content)).toEqual([{ id: '1', text: '[?→fr] Schreiben Sie an [EMAIL_1] oder [PHONE_2].' }]);
  });

  it('is recognised by the fact line alone, without response_format', () => {
    const request = { messages: batchTranslationPrompt([{ id: 'a7', text: 'O número é 55781. Obrigado!' }], 'pt', 'de') };
    expect(classify(request)).toBe('translate');
    expect(parseTranslations(respond(request).content)).toEqual([{ id: 'a7', text: 'Die Nummer ist 55781. Danke!' }]);
  });

  it('is recognised by response_format alone (target from the fact line, else en)', () => {
    const response_format = batchRequest([], 'de', 'en').response_format;
    const user = { role: 'user', content: JSON.stringify({ messages: [{ id: '9', text: 'Hallo' }] }) };
    expect(parseTranslations(respond({ messages: [user], response_format }).content)).toEqual([{ id: '9', text: '[?→en] Hallo' }]);
    const withTarget = { messages: [{ role: 'system', content: 'Target language: ja' }, user], response_format };
    expect(parseTranslations(respond(withTarget).content)).toEqual([{ id: '9', text: '[?→ja] Hallo' }]);
  });

  it('reads the LAST user message and ignores extra keys', () => {
    const messages = batchTranslationPrompt([{ id: 'old', text: 'x' }], 'de', 'en');
    messages.push({ role: 'assistant', content: '{"translations":[]}' });
    messages.push({ role: 'user', content: JSON.stringify({ conversation: 'c1', messages: [{ id: '5', text: 'Hallo', author: 'customer' }] }) });
    const answer = respond({ messages });
    expect(answer.items).toBe(1);
    expect(parseTranslations(answer.content)).toEqual([{ id: '5', text: '[de→en] Hallo' }]);
  });

  it('answers an empty batch with an empty list', () => {
    const answer = respond(batchRequest([], 'de', 'en'));
    expect(answer).toEqual({ task: 'translate', content: '{"translations":[]}', format: 'json', items: 0 });
  });

  it.each([
    ['not JSON', 'Hallo, wo ist mein Paket?', /not valid JSON/],
    ['a JSON array', '[{"id":"1","text":"x"}]', /"messages" is missing/],
    ['no messages', '{"items":[]}', /"messages" is missing/],
    ['a numeric id', '{"messages":[{"id":1,"text":"x"}]}', /messages\[0\]/],
    ['a missing text', '{"messages":[{"id":"1","text":"x"},{"id":"2"}]}', /messages\[1\]/],
    ['a null item', '{"messages":[null]}', /messages\[0\]/],
  ])('rejects a batch that is %s', (_, content, message) => {
    const messages = [...batchTranslationPrompt([], 'de', 'en').slice(0, 1), { role: 'user' as const, content }];
    expect(() => respond({ messages })).toThrow(BadRequestContent);
    expect(() => parseBatch(content)).toThrow(message);
  });

  it('keeps the single-message path when there is no Answer format line', () => {
    const answer = respond({ messages: singleTranslationPrompt('{"messages":[]}', 'de', 'en') });
    expect(answer).toEqual({ task: 'translate', content: '[de→en] {"messages":[]}', format: 'text', items: 1 });
  });
});

describe('malformedContent', () => {
  it('gives prose and JSON cut in the middle for JSON answers: never parseable', () => {
    for (const request of [batchRequest(['Hallo', 'Danke'], 'de', 'en'), batchRequest([], 'de', 'en')]) {
      const answer = respond(request);
      const bad = malformedContent(answer);
      expect(() => JSON.parse(bad)).toThrow();
      const json = bad.slice(bad.indexOf('{'));
      expect(() => JSON.parse(json)).toThrow(); // not even after dropping the prose
      expect(answer.content.startsWith(json)).toBe(true);
      expect(json.length).toBeLessThan(answer.content.length);
    }
  });

  it('gives an empty text for text answers', () => {
    expect(malformedContent(respond({ messages: singleTranslationPrompt('Hallo', 'de', 'en') }))).toBe('');
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
      expect(s.gloss).toMatch(/^[A-Z][a-z']* /); // plain English sentence
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
    expect(answer).toEqual({ task: 'other', content: `Parley local model: ${'a'.repeat(80)}`, format: 'text', items: 0 });
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

describe('outbound, rewrite and the alter-numbers fault', () => {
  it("translates an agent's reply given as {\"reply\"} and answers {\"translation\"}", () => {
    const answer = respond({
      messages: [
        { role: 'system', content: 'Source language: en\nTarget language: de\nAnswer format: outbound-json' },
        { role: 'user', content: JSON.stringify({ reply: 'Thank you for your patience.' }) },
      ],
    });
    expect(answer.task).toBe('outbound');
    expect(JSON.parse(answer.content)).toEqual({ translation: '[en→de] Thank you for your patience.' });
  });

  it('rewrites into the stock reply that fits the style, never the same text', () => {
    const request = (reply: string) => ({
      messages: [
        { role: 'system', content: 'Customer language: de\nAgent language: en\nRewrite style: apologetic\nAnswer format: rewrite-json' },
        { role: 'user', content: JSON.stringify({ reply }) },
      ],
    });
    const first = JSON.parse(respond(request('Danke.')).content) as { reply: string; gloss: string };
    expect(first.reply).toMatch(/^Entschuldigen Sie/);
    expect(first.gloss).toMatch(/^I'm sorry/);
    const again = JSON.parse(respond(request(first.reply)).content) as { reply: string };
    expect(again.reply).not.toBe(first.reply);
  });

  it('alters numbers but keeps JSON valid', () => {
    expect(alterNumbers('{"translation":"49,90 € bis 4. Mai"}')).toBe('{"translation":"94,40 € bis 9. Mai"}');
  });
});

