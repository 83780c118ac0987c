import { describe, expect, it } from 'vitest';
import type { LanguageDetection } from '@/services/language/detect-language';
import {
  addMessage,
  conversationLanguageFromMessages,
  createConversationState,
  detectionCandidates,
  overrideLanguage,
  type ConversationLanguageState,
} from '@/services/language/conversation-state';
import type { SupportedLanguage } from '@/services/language/supported-languages';

/** A detection as the per-message detector would give it, so the rules are tested on their own. */
const detected = (language: SupportedLanguage, confidence: 'high' | 'low'): LanguageDetection => ({
  language,
  confidence,
  reason: confidence === 'high' ? 'statistical' : 'short-text',
});
const NOTHING: LanguageDetection = { language: null, confidence: 'none', reason: 'no-language-content' };

const PT_LONG_1 = 'Olá, fiz uma encomenda há duas semanas e ainda não recebi nada, podem verificar o que aconteceu?';
const PT_LONG_2 = 'Já contactei a transportadora duas vezes e dizem que a encomenda ainda está no armazém.';
const EN_LONG_1 = 'Sorry, I would rather continue in English because it is easier for me to explain the problem.';
const EN_LONG_2 = 'The parcel was supposed to arrive last Monday and the tracking page has not changed since then.';

/** A Portuguese conversation established by two long, confident messages. */
function establishedPortuguese(): ConversationLanguageState {
  let state = createConversationState();
  state = addMessage(state, PT_LONG_1, detected('pt', 'high'));
  return addMessage(state, PT_LONG_2, detected('pt', 'high'));
}

describe('conversation language: start and hints', () => {
  it('knows nothing before any message or hint', () => {
    expect(createConversationState()).toMatchObject({
      language: null,
      variant: null,
      tag: null,
      confidence: 'none',
      source: 'none',
      override: null,
    });
  });

  it('gives hints alone low confidence, with the hinted variant', () => {
    expect(createConversationState({ customerCountry: 'BR' })).toMatchObject({
      language: 'pt',
      variant: 'pt-BR',
      tag: 'pt-BR',
      confidence: 'low',
      source: 'hints',
      variantSource: 'hints',
      reason: "Portuguese (Brazil) from the customer's country (BR)",
    });
    expect(createConversationState({ helpdeskLocale: 'zh-TW' })).toMatchObject({ tag: 'zh-Hant', confidence: 'low' });
    expect(createConversationState({ storefrontLocale: 'fr_CA' })).toMatchObject({ tag: 'fr-CA', confidence: 'low' });
    expect(createConversationState({ customerCountry: 'Brasil' })).toMatchObject({ tag: 'pt-BR' });
  });

  it('takes the language from the locales before the country, and the variant from the country first', () => {
    // A Portuguese storefront, a customer in Brazil: Portuguese, Brazilian.
    expect(createConversationState({ storefrontLocale: 'pt-PT', customerCountry: 'BR' })).toMatchObject({ tag: 'pt-BR' });
    // Country only gives the language when nothing else does; CA gives no English variant.
    expect(createConversationState({ customerCountry: 'CA' })).toMatchObject({ language: 'en', variant: null, tag: 'en' });
  });

  it('ignores hints outside the candidates and unreadable hints', () => {
    expect(createConversationState({ helpdeskLocale: 'pt-BR' }, ['en', 'es'])).toMatchObject({ language: null });
    expect(createConversationState({ helpdeskLocale: '!!', customerCountry: 'Atlantis' })).toMatchObject({ language: null });
  });

  it('lets the first real message replace a hinted language, but not a one-word guess', () => {
    const hinted = createConversationState({ helpdeskLocale: 'pt-BR' });
    const afterOk = addMessage(hinted, 'ok', detected('en', 'low'));
    expect(afterOk).toMatchObject({ language: 'pt', source: 'hints', confidence: 'low' });
    const afterEnglish = addMessage(hinted, EN_LONG_1, detected('en', 'high'));
    expect(afterEnglish).toMatchObject({ language: 'en', tag: 'en', source: 'messages', confidence: 'high' });
  });
});

describe('conversation language: no flip on noise', () => {
  it('does not flip on "ok", an order number or an emoji (real detection)', () => {
    let state = establishedPortuguese();
    for (const text of ['ok', '#40213', '👍', 'ok', 'thanks']) state = addMessage(state, text);
    expect(state).toMatchObject({ language: 'pt', source: 'messages', confidence: 'high' });
  });

  it('does not flip however the one-worders are guessed', () => {
    let state = establishedPortuguese();
    for (const language of ['en', 'es', 'en', 'en', 'en'] as const) state = addMessage(state, 'ok', detected(language, 'low'));
    expect(state).toMatchObject({ language: 'pt', confidence: 'high' });
    expect(state.evidence.challenger).toMatchObject({ language: 'en', substantive: 0 });
  });

  it('counts messages without language content but takes nothing from them', () => {
    const state = addMessage(establishedPortuguese(), '#40213', NOTHING);
    expect(state.evidence.messages).toBe(3);
    expect(state.evidence.current).toEqual(establishedPortuguese().evidence.current);
  });

  it('keeps the language through one quoted message in another language', () => {
    let state = addMessage(createConversationState(), PT_LONG_1, detected('pt', 'high'));
    state = addMessage(state, 'O erro diz: Payment declined, please contact your bank for more information', detected('en', 'high'));
    expect(state).toMatchObject({ language: 'pt', confidence: 'low' });
    expect(state.reason).toContain('latest message in English');
    state = addMessage(state, 'Já liguei para o banco e disseram que está tudo bem com o cartão.', detected('pt', 'high'));
    expect(state).toMatchObject({ language: 'pt', confidence: 'high' });
    expect(state.evidence.challenger).toBeNull();
  });
});

describe('conversation language: real switches', () => {
  it('flips after two consecutive confident messages in another language, not after one', () => {
    const one = addMessage(establishedPortuguese(), EN_LONG_1, detected('en', 'high'));
    expect(one.language).toBe('pt');
    const two = addMessage(one, EN_LONG_2, detected('en', 'high'));
    expect(two).toMatchObject({ language: 'en', source: 'messages', confidence: 'high' });
    expect(two.reason).toContain('switched from Portuguese');
  });

  it('flips on the real detector too', () => {
    const state = [EN_LONG_1, EN_LONG_2].reduce((s, text) => addMessage(s, text), establishedPortuguese());
    expect(state.language).toBe('en');
  });

  it('does not let a one-worder interrupt a switch in progress', () => {
    let state = addMessage(establishedPortuguese(), EN_LONG_1, detected('en', 'high'));
    state = addMessage(state, 'ok', detected('pt', 'low'));
    state = addMessage(state, EN_LONG_2, detected('en', 'high'));
    expect(state.language).toBe('en');
  });

  it('needs three substantive messages when none is confident', () => {
    let state = establishedPortuguese();
    state = addMessage(state, 'I would like to know where it is now', detected('en', 'low'));
    state = addMessage(state, 'Can somebody check the tracking please', detected('en', 'low'));
    expect(state.language).toBe('pt');
    state = addMessage(state, 'It has been two weeks already, thank you', detected('en', 'low'));
    expect(state).toMatchObject({ language: 'en', confidence: 'low' });
  });

  it('switches at once from a language that only a greeting established', () => {
    let state = addMessage(createConversationState(), 'hi', detected('en', 'low'));
    expect(state).toMatchObject({ language: 'en', confidence: 'low' });
    state = addMessage(state, PT_LONG_1, detected('pt', 'high'));
    expect(state).toMatchObject({ language: 'pt', confidence: 'high', reason: '1 message in Portuguese' });
  });

  it('establishes a low-confidence language from short messages when nothing else is known', () => {
    const state = conversationLanguageFromMessages(['Hola', 'gracias']);
    expect(state.confidence).toBe('low');
    expect(state.source).toBe('messages');
  });
});

describe('conversation language: variants', () => {
  it('accumulates markers over messages and names them in the reason', () => {
    let state = createConversationState();
    state = addMessage(state, 'Oi, boa tarde! Fiz um pedido semana passada e até agora não chegou nada.', detected('pt', 'high'));
    state = addMessage(state, 'O celular que comprei é para a minha mãe', detected('pt', 'high'));
    expect(state).toMatchObject({ tag: 'pt-BR', variantSource: 'markers' });
    expect(state.reason).toBe("2 messages in Portuguese; 'oi', 'celular' (Brazil)");
  });

  it('keeps the base language when there is no evidence of a variant', () => {
    expect(conversationLanguageFromMessages([PT_LONG_1, PT_LONG_2])).toMatchObject({ language: 'pt', variant: null, tag: 'pt' });
    const belgian = createConversationState({ customerCountry: 'BE' });
    const french = addMessage(belgian, 'Bonjour, ma commande est arrivée avec des frais de douane, est-ce normal ?', detected('fr', 'high'));
    expect(french).toMatchObject({ language: 'fr', variant: null, tag: 'fr' });
  });

  it('lets markers beat a contradicting country hint only with twice its weight', () => {
    const brazil = createConversationState({ customerCountry: 'BR' });
    // One strong European marker (2) against the country (3): a conflict, so no variant.
    const one = addMessage(brazil, 'Perdi o autocarro e não consegui ir buscar a encomenda', detected('pt', 'high'));
    expect(one).toMatchObject({ language: 'pt', variant: null, tag: 'pt' });
    expect(one.reason).toContain('variant unclear');
    // Three strong markers (6 ≥ 2 × 3): Portugal.
    const three = addMessage(one, 'Estou a tentar ligar mas o telemóvel não tem rede', detected('pt', 'high'));
    expect(three).toMatchObject({ tag: 'pt-PT', variantSource: 'markers' });
  });

  it('lets two strong markers beat a locale hint, and an agreeing hint add to the markers', () => {
    const locale = createConversationState({ helpdeskLocale: 'pt-BR' });
    const state = addMessage(locale, 'O ecrã do telemóvel chegou partido, o que faço?', detected('pt', 'high'));
    expect(state.tag).toBe('pt-PT');
    const agreeing = addMessage(createConversationState({ customerCountry: 'PT' }), 'Perdi o autocarro hoje de manhã', detected('pt', 'high'));
    expect(agreeing).toMatchObject({ tag: 'pt-PT', variantSource: 'markers+hints' });
  });

  it('reads a marker in an unsure short message in the conversation language', () => {
    let state = addMessage(createConversationState(), PT_LONG_1, detected('pt', 'high'));
    expect(state.variant).toBeNull();
    state = addMessage(state, 'Valeu!', detected('es', 'low'));
    expect(state).toMatchObject({ language: 'pt', tag: 'pt-BR' });
  });

  it('takes the variant of the language switched to, with the hint applied to that language', () => {
    // Country CA: English by default, Canadian French once the customer writes French.
    let state = createConversationState({ customerCountry: 'CA' });
    expect(state.tag).toBe('en');
    state = addMessage(state, 'Bonjour, ma commande est en retard depuis une semaine, pouvez-vous vérifier ?', detected('fr', 'high'));
    expect(state).toMatchObject({ language: 'fr', tag: 'fr-CA', variantSource: 'hints' });
  });

  it('tells Traditional from Simplified Chinese by characters', () => {
    expect(conversationLanguageFromMessages(['您好，我的訂單還沒有收到', '謝謝'])).toMatchObject({ tag: 'zh-Hant' });
    expect(conversationLanguageFromMessages(['你好，我的订单还没有收到', '谢谢'])).toMatchObject({ tag: 'zh-Hans' });
    // Characters both scripts share are no evidence: the hint decides.
    expect(conversationLanguageFromMessages(['好的'], { customerCountry: 'HK' })).toMatchObject({ tag: 'zh-Hant' });
  });
});

describe('conversation language: the agent override', () => {
  it('sticks across new messages and can be cleared', () => {
    let state = overrideLanguage(establishedPortuguese(), 'es-MX');
    expect(state).toMatchObject({
      language: 'es',
      variant: 'es-419',
      tag: 'es-419',
      override: 'es-419',
      source: 'override',
      confidence: 'high',
    });
    for (const text of [EN_LONG_1, EN_LONG_2, EN_LONG_1]) state = addMessage(state, text, detected('en', 'high'));
    expect(state.tag).toBe('es-419');
    // Evidence kept accumulating underneath: clearing gives what the messages say now.
    const cleared = overrideLanguage(state, null);
    expect(cleared).toMatchObject({ override: null, language: 'en', source: 'messages' });
  });

  it('takes a base-language override as it is, without adding a variant', () => {
    const brazilian = conversationLanguageFromMessages(['Oi, vocês podem me ajudar? Meu celular chegou quebrado.']);
    expect(brazilian.tag).toBe('pt-BR');
    expect(overrideLanguage(brazilian, 'pt')).toMatchObject({ tag: 'pt', variant: null, variantSource: null });
  });

  it('refuses a language Parley does not support', () => {
    expect(() => overrideLanguage(createConversationState(), 'xx-YY')).toThrow(RangeError);
    expect(() => overrideLanguage(createConversationState(), 'not a tag')).toThrow(RangeError);
  });
});

describe('conversation language: a stored value', () => {
  it('survives a JSON round trip and continues exactly like the original', () => {
    let state = createConversationState({ customerCountry: 'BR', helpdeskLocale: 'pt-BR' }, ['pt', 'en', 'es']);
    state = addMessage(state, 'Oi, vocês podem me ajudar? Estou esperando meu pedido faz duas semanas');
    state = addMessage(state, EN_LONG_1);
    state = overrideLanguage(state, 'pt-BR');
    const stored = JSON.parse(JSON.stringify(state)) as ConversationLanguageState;
    expect(stored).toEqual(state);
    expect(addMessage(stored, EN_LONG_2)).toEqual(addMessage(state, EN_LONG_2));
    expect(overrideLanguage(stored, null)).toEqual(overrideLanguage(state, null));
  });

  it('never changes the state it is given', () => {
    const state = establishedPortuguese();
    const before = structuredClone(state);
    addMessage(state, EN_LONG_1, detected('en', 'high'));
    addMessage(state, 'O celular', detected('pt', 'high'));
    overrideLanguage(state, 'fr-CA');
    expect(state).toEqual(before);
  });

  it('detects new messages with the conversation language first, so ties go to it', () => {
    expect(detectionCandidates(createConversationState())[0]).toBe('en'); // the supported list's order
    expect(detectionCandidates(establishedPortuguese())[0]).toBe('pt');
    expect(detectionCandidates(createConversationState({ customerCountry: 'ES' }, ['en', 'fr', 'es']))).toEqual(['es', 'en', 'fr']);
  });

  it('restricts detection to the candidates', () => {
    const state = conversationLanguageFromMessages([EN_LONG_1], undefined, ['pt', 'es']);
    expect(['pt', 'es']).toContain(state.language);
    expect(state.candidates).toEqual(['pt', 'es']);
  });

  it('builds the same state from a list as message by message', () => {
    const texts = ['hi', PT_LONG_1, 'ok', '#40213', 'Valeu!'];
    const stepByStep = texts.reduce((state, text) => addMessage(state, text), createConversationState({ customerCountry: 'BR' }));
    expect(conversationLanguageFromMessages(texts, { customerCountry: 'BR' })).toEqual(stepByStep);
  });
});
