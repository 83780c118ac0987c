import {
  RULE_SET_FORMAT,
  RULE_SET_VERSION,
  marketProfileSchema,
  type ApologyStyle,
  type FormalityRegister,
  type MarketProfile,
  type MarketProfileInput,
  type MarketRuleSet,
  type RuleEnforcement,
} from './market-profile';

/**
 * The markets a new installation starts with: the main markets of cross-border shops, with the
 * rules support teams in those countries usually follow. They are a starting point a lead edits,
 * nothing more: every rule is unlocked and can be changed or switched off. Glossaries start empty:
 * brand and product terms are the shop's own.
 */

interface StarterSpec {
  id: string;
  name: string;
  language: MarketProfile['language'];
  variant: string | null;
  defaultForLanguage?: boolean;
  customerCountries: string[];
  /** null: no address rule (the language has no formal/informal "you"). */
  formality: { register: FormalityRegister; enforcement: RuleEnforcement } | null;
  greetings: string[];
  closings: string[];
  emoji: { allowed: boolean; enforcement: RuleEnforcement };
  apology: { style: ApologyStyle; note: string };
  banned?: Array<{ phrase: string; reason: string; instead?: string }>;
  guidance: string;
  cultureNote: string;
}

const control = (enabled: boolean, enforcement: RuleEnforcement = 'warn') => ({ enabled, enforcement, locked: false });

function starter(spec: StarterSpec): MarketProfile {
  const input: MarketProfileInput = {
    id: spec.id,
    name: spec.name,
    language: spec.language,
    variant: spec.variant,
    defaultForLanguage: spec.defaultForLanguage ?? false,
    customerCountries: spec.customerCountries,
    stores: [],
    rules: {
      formality: spec.formality
        ? { ...control(true, spec.formality.enforcement), register: spec.formality.register }
        : { ...control(false), register: 'formal' },
      greeting: { ...control(spec.greetings.length > 0), formulas: spec.greetings },
      closing: { ...control(spec.closings.length > 0), formulas: spec.closings },
      emoji: { ...control(true, spec.emoji.enforcement), allowed: spec.emoji.allowed },
      apology: { ...control(true), style: spec.apology.style, note: spec.apology.note },
      bannedPhrases: {
        ...control((spec.banned ?? []).length > 0, 'block'),
        phrases: (spec.banned ?? []).map((b) => ({ phrase: b.phrase, reason: b.reason, instead: b.instead ?? null })),
      },
      requiredPhrases: { ...control(false), phrases: [] },
      glossary: { ...control(true, 'warn'), entries: [] },
      guidance: { ...control(spec.guidance !== ''), text: spec.guidance },
      meaning: control(true, 'block'),
    },
    cultureNote: spec.cultureNote,
  };
  return marketProfileSchema.parse(input);
}

const STARTER_SPECS: readonly StarterSpec[] = [
  {
    id: 'de-DE',
    name: 'Germany',
    language: 'de',
    variant: null,
    defaultForLanguage: true,
    customerCountries: ['DE'],
    formality: { register: 'formal', enforcement: 'block' },
    greetings: ['Guten Tag', 'Hallo'],
    closings: ['Mit freundlichen Grüßen', 'Viele Grüße'],
    emoji: { allowed: false, enforcement: 'warn' },
    apology: { style: 'sincere', note: 'Name the problem once ("Entschuldigen Sie bitte die Verzögerung"), then the solution.' },
    banned: [
      { phrase: 'garantiert morgen', reason: 'Do not promise a delivery day the carrier has not confirmed.', instead: 'voraussichtlich morgen' },
      { phrase: 'Das ist nicht unser Problem', reason: 'Blames the customer; say what you can do instead.' },
    ],
    guidance: 'Address the customer by surname with Frau/Herr when known. Be precise about dates, amounts and next steps; no marketing tone.',
    cultureNote:
      'German customers expect directness and precision: state facts, deadlines and the next step plainly. Use "Sie" and the surname (Frau/Herr Müller); "du" reads as presumptuous from a shop unless the brand uses it everywhere. An apology is one clear sentence followed by the fix; long apologies read as evasive. Returns: customers know their 14-day right of withdrawal (Widerrufsrecht). Shipping pauses on public holidays (Christmas 24–26 Dec, New Year, Easter, 1 May, 3 Oct; some only in certain Länder).',
  },
  {
    id: 'fr-FR',
    name: 'France',
    language: 'fr',
    variant: 'fr-FR',
    defaultForLanguage: true,
    customerCountries: ['FR', 'MC'],
    formality: { register: 'formal', enforcement: 'block' },
    greetings: ['Bonjour', 'Bonjour Madame', 'Bonjour Monsieur'],
    closings: ['Bien cordialement', 'Cordialement'],
    emoji: { allowed: false, enforcement: 'block' },
    apology: { style: 'sincere', note: 'Un « Nous vous prions de nous excuser pour ce désagrément » suffit, suivi de la solution.' },
    banned: [{ phrase: 'pas de souci', reason: 'Too casual for written customer service.', instead: 'avec plaisir' }],
    guidance: 'Always open with "Bonjour" and close with a polite formula. Write complete, well-formed sentences; no abbreviations or chat style.',
    cultureNote:
      'French customers expect "vous", "Bonjour" before anything else, and a courteous closing formula; skipping the greeting is rude. Tone is polite and somewhat formal, never chummy, and emoji look unprofessional in support. Explain the reason behind a decision: a bare "no" is resented. Apologies are formal and short. Shipping slows around 14 July, 15 August and the whole of August (holidays), and on public holidays (1 and 8 May, Ascension, Christmas).',
  },
  {
    id: 'es-ES',
    name: 'Spain',
    language: 'es',
    variant: 'es-ES',
    defaultForLanguage: true,
    customerCountries: ['ES'],
    formality: { register: 'informal', enforcement: 'warn' },
    greetings: ['¡Hola!', 'Hola'],
    closings: ['Un saludo', 'Saludos'],
    emoji: { allowed: true, enforcement: 'warn' },
    apology: { style: 'sincere', note: 'Acknowledge the inconvenience warmly ("Sentimos mucho las molestias").' },
    guidance: 'Use European Spanish vocabulary (móvil, ordenador, vale) and "vosotros" only for a group. Warm, close tone.',
    cultureNote:
      'Most Spanish online shops address customers with "tú", and a warm, friendly tone is expected; switch to "usted" when the customer uses it or for older customers and complaints. Spanish customers appreciate personal warmth before the facts. Shipping pauses on national holidays (6 Jan, Easter week, 15 Aug, 12 Oct, 1 Nov, 6 and 8 Dec) and regional ones, and slows in August.',
  },
  {
    id: 'es-MX',
    name: 'Mexico',
    language: 'es',
    variant: 'es-MX',
    customerCountries: ['MX'],
    formality: { register: 'formal', enforcement: 'warn' },
    greetings: ['Hola', 'Buen día'],
    closings: ['Saludos cordiales', 'Quedamos a sus órdenes'],
    emoji: { allowed: true, enforcement: 'warn' },
    apology: { style: 'sincere', note: 'Apologise warmly and personally before explaining.' },
    banned: [
      {
        phrase: 'ahorita',
        reason: '"Ahorita" can mean now or much later: it reads as a vague promise.',
        instead: 'hoy antes de las 6 p. m.',
      },
    ],
    guidance: 'Use Mexican Spanish (celular, computadora, pedido); never "vosotros". Prices in pesos with "$" and MXN where ambiguous.',
    cultureNote:
      'Mexican customers expect "usted" from a company and a warm, courteous tone: polite softeners ("¿sería tan amable de…?") matter more than in Spain. Directness can seem cold; lead with empathy, then the facts. Avoid vague time words ("ahorita"). Shipping slows around Día de Muertos (1–2 Nov), 12 Dec (Virgen de Guadalupe), Christmas and Semana Santa; Buen Fin (November) brings volume.',
  },
  {
    id: 'pt-BR',
    name: 'Brazil',
    language: 'pt',
    variant: 'pt-BR',
    defaultForLanguage: true,
    customerCountries: ['BR'],
    formality: { register: 'formal', enforcement: 'warn' },
    greetings: ['Olá', 'Oi'],
    closings: ['Abraços', 'Atenciosamente'],
    emoji: { allowed: true, enforcement: 'warn' },
    apology: { style: 'sincere', note: 'Empathise first ("Sentimos muito pelo transtorno"), then act.' },
    banned: [
      {
        phrase: 'chega amanhã',
        reason: 'Never promise a delivery date: Correios and carriers miss them. Give the carrier’s estimate.',
        instead: 'o prazo estimado da transportadora é',
      },
      { phrase: 'entrega garantida', reason: 'Never promise a delivery date.' },
      { phrase: 'prazo garantido', reason: 'Never promise a delivery date.' },
      { phrase: 'com certeza chega', reason: 'Never promise a delivery date.' },
    ],
    guidance: 'Use "você" (the standard in Brazil) with a warm, friendly tone; avoid "tu" and slang. Never promise a delivery date: quote the carrier’s estimated window.',
    cultureNote:
      'Brazilian customers expect warmth and personal attention: first names, friendly phrasing and empathy before the facts; a curt reply feels hostile. "Você" is the normal polite address; "o senhor/a senhora" is for older or very formal customers. Never promise delivery dates (carrier delays are common and the Consumer Code, CDC, makes promises binding). Shipping slows around Carnival, Christmas–New Year and Black Friday; there are national holidays on 7 Sep, 12 Oct, 2 and 15 Nov.',
  },
  {
    id: 'pt-PT',
    name: 'Portugal',
    language: 'pt',
    variant: 'pt-PT',
    customerCountries: ['PT'],
    formality: { register: 'formal', enforcement: 'warn' },
    greetings: ['Olá', 'Bom dia'],
    closings: ['Com os melhores cumprimentos', 'Cumprimentos'],
    emoji: { allowed: false, enforcement: 'warn' },
    apology: { style: 'sincere', note: 'A courteous "Pedimos desculpa pelo incómodo" and the solution.' },
    guidance: 'Use European Portuguese (encomenda, telemóvel, ecrã) and address the customer in the third person ("Pode enviar-nos…", "o senhor/a senhora"); avoid "você" and "tu".',
    cultureNote:
      'Portuguese customers expect a courteous, somewhat formal tone. In Portugal "você" can sound blunt or even rude; address customers in the third person ("Pode confirmar…?") or with "o senhor/a senhora", or "tu" only if the brand is very casual. Brazilian vocabulary reads as foreign. Shipping pauses on national holidays (25 Apr, 1 May, 10 Jun, 15 Aug, 5 Oct, 1 Nov, 1, 8 and 25 Dec) and slows in August.',
  },
  {
    id: 'it-IT',
    name: 'Italy',
    language: 'it',
    variant: null,
    defaultForLanguage: true,
    customerCountries: ['IT', 'SM'],
    formality: { register: 'formal', enforcement: 'warn' },
    greetings: ['Buongiorno', 'Gentile cliente'],
    closings: ['Cordiali saluti', 'Un cordiale saluto'],
    emoji: { allowed: false, enforcement: 'warn' },
    apology: { style: 'sincere', note: '"Ci scusiamo per il disagio", then what happens next.' },
    guidance: 'Use the formal "Lei" (capitalised forms Le, La, Suo are welcome in writing).',
    cultureNote:
      'Italian customers expect courtesy and a personal touch: greet, use "Lei" and the surname where known. A warm but respectful tone works better than terse facts; explain what you are doing for them. Shipping stops around Ferragosto (15 Aug, and much of August), Christmas to Epiphany (6 Jan), Easter Monday, 25 Apr, 1 May and 2 Jun.',
  },
  {
    id: 'nl-NL',
    name: 'Netherlands',
    language: 'nl',
    variant: null,
    defaultForLanguage: true,
    customerCountries: ['NL'],
    formality: { register: 'informal', enforcement: 'warn' },
    greetings: ['Hoi', 'Hallo'],
    closings: ['Groetjes', 'Met vriendelijke groet'],
    emoji: { allowed: true, enforcement: 'warn' },
    apology: { style: 'brief', note: 'One short "Sorry voor het ongemak" and straight to the solution.' },
    guidance: 'Be direct and concrete; Dutch customers dislike padding. Use "je/jij" unless the customer writes "u".',
    cultureNote:
      'Dutch customers value directness, honesty and speed: say what is going on and what you will do, without padding or exaggerated politeness. Most Dutch web shops use "je/jij"; use "u" for older customers, B2B, or when the customer does. Keep apologies brief. Shipping pauses on King’s Day (27 Apr), Liberation Day (5 May, every five years), Ascension, Whit Monday and Christmas; Sinterklaas (5 Dec) brings volume.',
  },
  {
    id: 'ja-JP',
    name: 'Japan',
    language: 'ja',
    variant: null,
    defaultForLanguage: true,
    customerCountries: ['JP'],
    formality: { register: 'formal', enforcement: 'block' },
    greetings: ['いつもご利用いただき、誠にありがとうございます。', 'お問い合わせいただき、ありがとうございます。'],
    closings: ['今後ともどうぞよろしくお願いいたします。', 'ご不明な点がございましたら、お気軽にお問い合わせください。'],
    emoji: { allowed: false, enforcement: 'block' },
    apology: { style: 'deferential', note: 'Apologise for the inconvenience itself (ご迷惑をおかけして申し訳ございません), even when it is not the shop’s fault.' },
    guidance: 'Write in keigo: desu/masu forms with sonkeigo and kenjōgo (いただく, いたします, ございます). Address the customer as 〇〇様. Never use plain forms.',
    cultureNote:
      'Japanese customers expect keigo throughout, the customer’s name with 様, a formal opening and closing, and a sincere apology for any inconvenience, even one caused by the carrier. Directness should be softened (「恐れ入りますが」「あいにく」). Emoji and casual forms look unprofessional. Shipping stops around New Year (about 29 Dec–3 Jan), Golden Week (29 Apr–5 May) and Obon (mid-August).',
  },
  {
    id: 'ko-KR',
    name: 'South Korea',
    language: 'ko',
    variant: null,
    defaultForLanguage: true,
    customerCountries: ['KR'],
    formality: { register: 'formal', enforcement: 'block' },
    greetings: ['안녕하세요, 고객님.'],
    closings: ['감사합니다.', '좋은 하루 보내세요.'],
    emoji: { allowed: true, enforcement: 'warn' },
    apology: { style: 'deferential', note: '불편을 드려 죄송합니다 — apologise clearly, then the solution.' },
    guidance: 'Use 존댓말 throughout (해요체 or 합니다체, -시- honorifics) and address the customer as 고객님. Never 반말.',
    cultureNote:
      'Korean customers expect 존댓말 and "고객님"; 반말 from a company is offensive. Service is expected to be fast and attentive, and a clear apology for any inconvenience is normal. Light emoticons (^^) are common in chat but not in complaints. Shipping stops over Seollal (Lunar New Year) and Chuseok (autumn), each about three days, with heavy volume before them.',
  },
  {
    id: 'zh-CN',
    name: 'China (Simplified)',
    language: 'zh',
    variant: 'zh-CN',
    defaultForLanguage: true,
    customerCountries: ['CN'],
    formality: { register: 'formal', enforcement: 'warn' },
    greetings: ['您好'],
    closings: ['祝您生活愉快！', '感谢您的耐心等待。'],
    emoji: { allowed: true, enforcement: 'warn' },
    apology: { style: 'sincere', note: '非常抱歉给您带来不便 — then the solution.' },
    guidance: 'Use Simplified Chinese and "您" for the customer. Polite, warm, efficient (customers are used to very fast service).',
    cultureNote:
      'Customers in mainland China are used to fast, attentive e-commerce service (Taobao/JD style): greet with 您好, use 您, and be warm and efficient. A sincere apology plus compensation or a concrete fix is expected for problems. Shipping stops or slows over Spring Festival (Chinese New Year, 1–2 weeks), and around National Day (1–7 Oct); Singles’ Day (11 Nov) and 618 (June) bring huge volume.',
  },
  {
    id: 'zh-TW',
    name: 'Taiwan (Traditional)',
    language: 'zh',
    variant: 'zh-TW',
    customerCountries: ['TW', 'HK', 'MO'],
    formality: { register: 'formal', enforcement: 'warn' },
    greetings: ['您好'],
    closings: ['謝謝您的耐心等候。', '祝您順心愉快！'],
    emoji: { allowed: true, enforcement: 'warn' },
    apology: { style: 'sincere', note: '造成您的不便，我們深感抱歉 — then the solution.' },
    guidance: 'Use Traditional Chinese characters and Taiwanese vocabulary (e.g. 訂單, 網路, 客服), and "您" for the customer.',
    cultureNote:
      'Taiwanese customers expect polite, warm service in Traditional characters; Simplified characters or mainland vocabulary feel foreign. Use 您 and soften refusals. Shipping pauses over Lunar New Year, Dragon Boat Festival and Mid-Autumn Festival, and on National Day (10 Oct).',
  },
  {
    id: 'ar-SA',
    name: 'Saudi Arabia',
    language: 'ar',
    variant: null,
    defaultForLanguage: true,
    customerCountries: ['SA'],
    formality: null,
    greetings: ['السلام عليكم', 'مرحباً'],
    closings: ['مع خالص التحيات', 'شكراً لتواصلكم معنا'],
    emoji: { allowed: false, enforcement: 'warn' },
    apology: { style: 'sincere', note: 'نعتذر عن الإزعاج — courteous, then the solution.' },
    guidance: 'Write Modern Standard Arabic with a respectful, courteous tone; use the customer’s name with a respectful title where known.',
    cultureNote:
      'Saudi customers expect courtesy and respect: a proper greeting (السلام عليكم is common and welcome), the customer’s name, and a respectful closing. Relationship and politeness come before facts. The weekend is Friday–Saturday. Shipping slows during Ramadan (shorter working hours) and stops over Eid al-Fitr and Eid al-Adha; also Founding Day (22 Feb) and National Day (23 Sep).',
  },
  {
    id: 'tr-TR',
    name: 'Turkey',
    language: 'tr',
    variant: null,
    defaultForLanguage: true,
    customerCountries: ['TR'],
    formality: { register: 'formal', enforcement: 'warn' },
    greetings: ['Merhaba', 'İyi günler'],
    closings: ['Saygılarımızla', 'İyi günler dileriz'],
    emoji: { allowed: false, enforcement: 'warn' },
    apology: { style: 'sincere', note: 'Yaşadığınız sorun için özür dileriz — then the solution.' },
    guidance: 'Use "siz" forms throughout and "Bey/Hanım" after the first name when known (e.g. "Ayşe Hanım").',
    cultureNote:
      'Turkish customers expect "siz" and a courteous, respectful tone; first name plus Bey/Hanım is polite and warm. Be helpful and personal rather than terse. Shipping stops over Ramazan Bayramı and Kurban Bayramı (several days each, dates move every year) and on national holidays (23 Apr, 1 and 19 May, 15 Jul, 30 Aug, 29 Oct).',
  },
  {
    id: 'pl-PL',
    name: 'Poland',
    language: 'pl',
    variant: null,
    defaultForLanguage: true,
    customerCountries: ['PL'],
    formality: { register: 'formal', enforcement: 'warn' },
    greetings: ['Dzień dobry'],
    closings: ['Pozdrawiamy serdecznie', 'Z poważaniem'],
    emoji: { allowed: false, enforcement: 'warn' },
    apology: { style: 'sincere', note: 'Przepraszamy za utrudnienia — then the solution.' },
    guidance: 'Address the customer as Pan/Pani (or Państwo when unknown) with third-person verb forms; never "ty".',
    cultureNote:
      'Polish customers expect "Pan/Pani" (or "Państwo" when the gender is unknown) and a polite, matter-of-fact tone; some young brands use "ty", but a shop should not assume it. Be clear about deadlines and next steps. Shipping stops on public holidays (1 and 6 Jan, Easter Monday, 1 and 3 May, Corpus Christi, 15 Aug, 1 and 11 Nov, 24–26 Dec).',
  },
  {
    id: 'en-US',
    name: 'United States',
    language: 'en',
    variant: 'en-US',
    defaultForLanguage: true,
    customerCountries: ['US'],
    formality: null,
    greetings: ['Hi', 'Hello'],
    closings: ['Best,', 'Thanks,'],
    emoji: { allowed: true, enforcement: 'warn' },
    apology: { style: 'brief', note: 'One "Sorry about the delay!" and straight to the fix.' },
    banned: [{ phrase: 'per my last email', reason: 'Reads as passive-aggressive.' }],
    guidance: 'US spelling and formats (MM/DD, $, 12-hour clock with AM/PM). Friendly, upbeat, solution-first.',
    cultureNote:
      'US customers expect friendly, upbeat, fast service: first names, a positive tone and the solution up front. Keep apologies short and move to action. Dates are month first (05/12 is May 12). Shipping slows around Thanksgiving, Black Friday/Cyber Monday, Christmas and on federal holidays (Memorial Day, July 4, Labor Day).',
  },
  {
    id: 'en-GB',
    name: 'United Kingdom',
    language: 'en',
    variant: 'en-GB',
    customerCountries: ['GB', 'IM', 'JE', 'GG'],
    formality: null,
    greetings: ['Hi', 'Hello'],
    closings: ['Kind regards', 'Best wishes'],
    emoji: { allowed: true, enforcement: 'warn' },
    apology: { style: 'sincere', note: 'A polite "Sorry for the inconvenience" and the fix; avoid overstatement.' },
    guidance: 'UK spelling and formats (DD/MM, £, 24-hour clock or "5pm"). Polite and understated; avoid hype.',
    cultureNote:
      'UK customers expect politeness and understatement: courteous phrasing ("Could you…", "Would you mind…"), no hard sell, and a sincere but measured apology. Dates are day first (05/12 is 5 December). Shipping pauses on bank holidays (Easter, early and late May, late August, Christmas and Boxing Day).',
  },
];

/** Fresh copies of the starter markets (callers may edit them freely). */
export function createStarterMarkets(): MarketProfile[] {
  return STARTER_SPECS.map(starter);
}

/** The rule set a new installation starts with. */
export function createStarterRuleSet(): MarketRuleSet {
  return { format: RULE_SET_FORMAT, version: RULE_SET_VERSION, profiles: createStarterMarkets(), scenarios: [] };
}

export const STARTER_MARKET_IDS = STARTER_SPECS.map((spec) => spec.id);
