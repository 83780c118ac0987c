import { describe, expect, it } from 'vitest';
import {
  HIGH_CONFIDENCE_SCORE,
  detectLanguage,
  stripNonLinguisticContent,
  type LanguageDetection,
} from '@/services/language/detect-language';
import type { SupportedLanguage } from '@/services/language/supported-languages';

/** Realistic customer messages, long enough (40+ letters) for franc to be trusted. */
const LATIN_SCRIPT_MESSAGES: ReadonlyArray<[SupportedLanguage, string]> = [
  ['de', 'Der Kundenservice hat mir letzte Woche versprochen, dass sich jemand meldet, aber nichts ist passiert.'],
  ['pt', 'Bom dia, comprei uma jaqueta na segunda-feira, mas até hoje não recebi a confirmação de envio.'],
  ['fr', "Bonjour, j'ai commandé une veste lundi, mais je n'ai toujours pas reçu de confirmation d'expédition."],
  ['es', 'Lamentablemente el pantalón no me queda bien, ¿cómo puedo devolverlo y recuperar mi dinero?'],
  ['it', 'Buongiorno, ho ordinato una giacca lunedì, ma finora non ho ricevuto la conferma di spedizione.'],
  ['nl', 'Helaas past de broek niet, hoe kan ik hem terugsturen en mijn geld terugkrijgen?'],
  ['en', 'Customer service promised me last week that someone would get in touch, but nothing happened.'],
  ['pl', 'Dzień dobry, nadal nie otrzymałem mojego zamówienia. Czy możecie to sprawdzić?'],
  ['tr', 'Merhaba, siparişimi hâlâ almadım. Lütfen kontrol edebilir misiniz?'],
  ['sv', 'God morgon, jag beställde en jacka i måndags men har fortfarande inte fått någon leveransbekräftelse.'],
  ['id', 'Selamat pagi, saya memesan jaket pada hari Senin tetapi sampai sekarang belum menerima konfirmasi pengiriman.'],
  ['vi', 'Xin chào, tôi vẫn chưa nhận được đơn hàng của mình. Bạn có thể kiểm tra giúp tôi không?'],
];

const SCRIPT_MESSAGES: ReadonlyArray<[SupportedLanguage, string]> = [
  ['ru', 'Здравствуйте, вы до сих пор не отправили мой заказ. Проверьте, пожалуйста.'],
  ['uk', 'Добрий день, я досі не отримав своє замовлення. Перевірте, будь ласка.'],
  ['ja', 'ご注文いただいた商品がまだ届いていません。確認していただけますか？'],
  ['ko', '주문한 상품이 아직 도착하지 않았습니다. 확인해 주시겠어요?'],
  ['zh', '我的订单还没有到，请帮我查一下。'],
  ['th', 'สวัสดีครับ ผมยังไม่ได้รับสินค้าที่สั่งไว้ ช่วยตรวจสอบให้หน่อยได้ไหมครับ'],
  ['he', 'שלום, עדיין לא קיבלתי את ההזמנה שלי. תוכלו לבדוק בבקשה?'],
  ['ar', 'مرحبا، لم أستلم طلبي حتى الآن. هل يمكنكم التحقق من ذلك من فضلك؟'],
];

/** The contract every detection keeps: 'none' exactly when there is no language; a score in 0–1. */
function expectConsistent(detection: LanguageDetection) {
  expect(detection.confidence === 'none').toBe(detection.language === null);
  expect(detection.reason === 'no-language-content').toBe(detection.language === null);
  expect(detection.score).toBeGreaterThanOrEqual(0);
  expect(detection.score).toBeLessThanOrEqual(1);
  if (detection.language === null) expect(detection.score).toBe(0);
}

describe('detectLanguage: real messages', () => {
  it.each(LATIN_SCRIPT_MESSAGES)('detects %s statistically with high confidence', (language, text) => {
    const detection = detectLanguage(text);
    expect(detection).toMatchObject({ language, confidence: 'high', reason: 'statistical' });
    expect(detection.score).toBeGreaterThanOrEqual(HIGH_CONFIDENCE_SCORE);
  });

  it.each(SCRIPT_MESSAGES)('detects %s from its script with high confidence', (language, text) => {
    expect(detectLanguage(text)).toEqual({ language, confidence: 'high', reason: 'script', score: 1 });
  });

  it('tells Russian from Ukrainian by their own letters, even in short messages', () => {
    // "ы" exists only in Russian, "і" only in Ukrainian.
    expect(detectLanguage('Где моя посылка?')).toMatchObject({ language: 'ru', confidence: 'high', reason: 'script' });
    expect(detectLanguage('Дякую за швидку відповідь!')).toMatchObject({ language: 'uk', confidence: 'high', reason: 'script' });
  });

  it('tells Ukrainian from Russian by their words when no telling letter is there', () => {
    // Neither has і ї є ґ nor ы э ъ ё: "де" and "посилка" are Ukrainian, "где" and "когда" Russian.
    expect(detectLanguage('Де моя посилка?')).toMatchObject({ language: 'uk', confidence: 'high', reason: 'statistical' });
    expect(detectLanguage('Когда придет мой заказ?')).toMatchObject({ language: 'ru', confidence: 'high', reason: 'statistical' });
  });

  it('keeps Japanese and Chinese messages with Latin product names, and English with a quoted name', () => {
    expect(detectLanguage('iPhone 15 Proの画面が割れました')).toMatchObject({ language: 'ja', confidence: 'high' });
    expect(detectLanguage('我的iPhone坏了')).toMatchObject({ language: 'zh', confidence: 'high' });
    expect(detectLanguage('Thanks, 田中さん will pick it up tomorrow at the store, is that fine?')).toMatchObject({
      language: 'en',
      reason: 'statistical',
    });
    // Capitalised Latin words ("iPhone", "Pro") weigh half: three Han characters outweigh them.
    expect(detectLanguage('iPhone 15 Pro有货吗？')).toMatchObject({ language: 'zh', confidence: 'high', reason: 'script' });
  });

  it('tells Chinese from Japanese written in Han characters only, and says so when it cannot', () => {
    // 订 单 还 没 exist only in (simplified) Chinese; 権 and 済 are Japanese forms Chinese does not use.
    expect(detectLanguage('订单还没到')).toEqual({ language: 'zh', confidence: 'high', reason: 'script', score: 1 });
    expect(detectLanguage('返金済')).toEqual({ language: 'ja', confidence: 'high', reason: 'script', score: 1 });
    expect(detectLanguage('人権')).toMatchObject({ language: 'ja', confidence: 'high' });
    // "社会的保護" (Japanese, from the UDHR) has no telling character: Chinese is likelier, not certain.
    expect(detectLanguage('社会的保護')).toEqual({ language: 'zh', confidence: 'low', reason: 'script', score: 0.5 });
    // With Japanese ruled out there is nothing to be unsure about.
    expect(detectLanguage('社会的保護', { candidates: ['zh', 'en'] })).toMatchObject({ language: 'zh', confidence: 'high' });
  });

  it('still finds German high-confidence around an order number, a tracking number, a URL and an amount', () => {
    const text =
      'Hallo, meine Bestellung #40213 über 49,90 € ist noch nicht angekommen. Laut ' +
      'https://track.example.com/1Z999AA10123456784 liegt sie seit Tagen im Lager. 😡';
    expect(detectLanguage(text)).toMatchObject({ language: 'de', confidence: 'high', reason: 'statistical' });
  });

  it('normalises to NFC: decomposed Vietnamese is detected like composed Vietnamese', () => {
    const composed = LATIN_SCRIPT_MESSAGES.find(([language]) => language === 'vi')![1];
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(stripNonLinguisticContent(decomposed)).toBe(stripNonLinguisticContent(composed));
    expect(detectLanguage(decomposed)).toEqual(detectLanguage(composed));
    expect(detectLanguage(decomposed)).toMatchObject({ language: 'vi', confidence: 'high', reason: 'statistical' });
  });
});

describe('detectLanguage: short Latin-script chat messages', () => {
  it.each([
    // [language, message] — typed without accents, with typos, order numbers, emoji, product names.
    ['pt', 'nao recebi meu pedido'],
    ['pt', 'o Galaxy Buds não conecta no celular'], // n-grams alone say Spanish; "ã" is never Spanish
    ['en', 'where is my order #40213'],
    ['es', 'todavia no me llega el paquete'],
    ['fr', 'desole pour le retard'],
    ['de', 'hab vor zwei wochen AirPods bestellt und nix kam'],
    ['it', 'xke la mia carta è stata rifiutata'],
    ['nl', 'mijn pakket is nog steeds niet binnen'],
    ['pl', 'zamowienie nie doszlo'],
    ['tr', 'siparisim ne zaman gelir'],
    ['vi', 'toi chua nhan duoc hang'],
    ['id', 'kak pesanan saya kok belum dikirim'],
    ['sv', 'var ar mitt paket'],
  ] as const)('%s: %j', (language, text) => {
    expect(detectLanguage(text)).toMatchObject({ language, confidence: 'high', reason: 'statistical' });
  });

  it('restricts the ranking to the candidates, in the caller\'s order on a tie', () => {
    expect(detectLanguage('nao recebi meu pedido', { candidates: ['es', 'it'] }).language).toMatch(/^(es|it)$/);
    // "qxz" is in no model: every candidate scores the same.
    expect(detectLanguage('qxz', { candidates: ['de', 'en'] })).toMatchObject({ language: 'de', score: 0.5 });
    expect(detectLanguage('qxz', { candidates: ['en', 'de'] })).toMatchObject({ language: 'en', score: 0.5 });
  });
});

describe('detectLanguage: nothing carries language', () => {
  it.each([
    ['an order number', '#40213'],
    ['a tracking number', '1Z999AA10123456784'],
    ['an emoji', '👍'],
    ['emoji sequences, a flag and a keycap', '👨‍👩‍👧 🇩🇪 1️⃣'],
    ['a URL', 'https://example.com/orders/40213?ref=mail'],
    ['an e-mail address', 'support@example.com'],
    ['an amount', '€ 19,99'],
    ['order number with a thumbs-up', '#40213 👍'],
    ['empty text', ''],
    ['whitespace', '  \n\t '],
  ])('returns no language for %s', (_, text) => {
    expect(detectLanguage(text)).toEqual({ language: null, confidence: 'none', reason: 'no-language-content', score: 0 });
  });
});

describe('detectLanguage: one-word messages are guesses, never facts', () => {
  it.each(['hallo', 'ok', 'ok 👍', 'Danke', 'olá??', 'merci', 'thx!', 'Dziękuję', 'teşekkürler', 'Дякую', 'привет', 'привіт'])(
    'guesses a language with low confidence for %j',
    (text) => {
      const detection = detectLanguage(text);
      expect(detection.language).not.toBeNull();
      expect(detection.confidence).toBe('low');
      expect(detection.reason).toBe('short-text');
    },
  );

  it('still guesses right when the word tells, and says how sure it is through the score', () => {
    // Letters only Polish or Ukrainian has, or a word only one language writes: right, but 'low'.
    expect(detectLanguage('Dziękuję')).toMatchObject({ language: 'pl', confidence: 'low' });
    expect(detectLanguage('obrigado')).toMatchObject({ language: 'pt', confidence: 'low' });
    expect(detectLanguage('Danke')).toMatchObject({ language: 'de', confidence: 'low' });
    expect(detectLanguage('Дякую')).toMatchObject({ language: 'uk', confidence: 'low', reason: 'short-text' });
    expect(detectLanguage('Danke').score).toBeGreaterThan(0.9);
  });

  it('gives high confidence from two words on, when the evidence is clear', () => {
    expect(detectLanguage('merci beaucoup')).toMatchObject({ language: 'fr', confidence: 'high' });
    expect(detectLanguage('Wo ist mein Paket?')).toMatchObject({ language: 'de', confidence: 'high' });
  });
});

/** Messages the first version (franc alone) got wrong; now right, and 'high' from two words on. */
describe('detectLanguage: former franc misdetections', () => {
  it.each([
    // [actual language, text, what franc alone said]
    ['es', '¿Dónde está mi paquete?', 'pt'],
    ['tr', 'Şifrem artık çalışmıyor', 'en'],
    ['fr', 'Je voudrais annuler ma commande', 'pt'],
    ['pl', 'Chcę anulować subskrypcję', 'en'],
    ['uk', 'Де моя посилка?', 'ru'],
    ['pt', 'Olá, ainda não recebi a minha encomenda. Podem verificar, por favor?', 'es'],
    ['en', 'Good morning, I ordered a jacket on Monday but I still have not received a shipping confirmation.', 'sv'],
  ] as const)('%s %j (franc: %s)', (language, text, _francSaid) => {
    expect(detectLanguage(text)).toMatchObject({ language, confidence: 'high' });
  });

  it('gets one-word greetings franc missed right, with low confidence', () => {
    expect(detectLanguage('Hallo')).toMatchObject({ language: 'de', confidence: 'low' });
    expect(detectLanguage('Danke')).toMatchObject({ language: 'de', confidence: 'low' });
  });
});

describe('detectLanguage: candidates', () => {
  const spanish = 'Lamentablemente el pantalón no me queda bien, ¿cómo puedo devolverlo y recuperar mi dinero?';

  it('chooses among the candidates only', () => {
    expect(detectLanguage(spanish, { candidates: ['pt', 'es'] }).language).toBe('es');
    const restricted = detectLanguage(spanish, { candidates: ['en', 'de'] });
    expect(['en', 'de']).toContain(restricted.language);
  });

  it('can decide pt against es when franc misranks them among all languages', () => {
    // Among all languages franc ranks this Portuguese message Spanish (see above); ruling Spanish out
    // leaves Portuguese.
    const text = 'Olá, ainda não recebi a minha encomenda. Podem verificar, por favor?';
    expect(detectLanguage(text, { candidates: ['pt', 'en', 'de'] }).language).toBe('pt');
  });

  it('applies script rules only for candidate languages', () => {
    const japanese = SCRIPT_MESSAGES.find(([language]) => language === 'ja')![1];
    // No candidate writes Japanese: fall back to the first candidate, with low confidence.
    expect(detectLanguage(japanese, { candidates: ['en', 'de'] })).toEqual({
      language: 'en',
      confidence: 'low',
      reason: 'no-candidate-script',
      score: 0.5,
    });
    // Han without kana is Chinese, or, when Chinese is ruled out, possibly Japanese.
    expect(detectLanguage('我的订单还没有到', { candidates: ['ja', 'en'] })).toEqual({
      language: 'ja',
      confidence: 'low',
      reason: 'script',
      score: 0.5,
    });
  });

  it('uses the only Cyrillic candidate, flagging letters that contradict it', () => {
    const ukrainian = SCRIPT_MESSAGES.find(([language]) => language === 'uk')![1];
    const russian = SCRIPT_MESSAGES.find(([language]) => language === 'ru')![1];
    expect(detectLanguage(ukrainian, { candidates: ['ru', 'en'] })).toMatchObject({ language: 'ru', confidence: 'low', reason: 'script' });
    expect(detectLanguage(russian, { candidates: ['uk', 'en'] })).toMatchObject({ language: 'uk', confidence: 'low', reason: 'script' });
    expect(detectLanguage('Доставка запізнилася', { candidates: ['uk'] })).toEqual({ language: 'uk', confidence: 'high', reason: 'script', score: 1 });
    // No telling letter, but Russian words: Ukrainian as the caller asked, flagged 'low'.
    expect(detectLanguage('Здравствуйте, я до сих пор не получил свой заказ.', { candidates: ['uk'] })).toMatchObject({
      language: 'uk',
      confidence: 'low',
    });
  });

  it('treats an empty candidate list as all supported languages', () => {
    expect(detectLanguage(SCRIPT_MESSAGES[4]![1], { candidates: [] }).language).toBe('zh');
  });
});

describe('detection contract', () => {
  it('keeps confidence "none" and reason "no-language-content" exactly for null languages', () => {
    const texts = [...LATIN_SCRIPT_MESSAGES, ...SCRIPT_MESSAGES].map(([, text]) => text);
    for (const text of [...texts, '#40213', '👍', 'ok', 'Дякую', 'https://example.com', 'qxz', '社会的保護']) expectConsistent(detectLanguage(text));
  });
});

describe('stripNonLinguisticContent', () => {
  it('removes URLs, e-mail addresses, mentions, numbered tokens, amounts, emoji and symbols', () => {
    expect(
      stripNonLinguisticContent(
        'Hi @support, order #40213 (1Z999AA10123456784) cost 19,99 EUR / $5 / R$ 50 / 20 zł 🙏 — ' +
          'see https://shop.example.com/o/40213, www.example.org or parley.io/help, mail me: jane.doe+x@example.co.uk ✅',
      ),
    ).toBe('Hi order cost see or mail me:');
    expect(stripNonLinguisticContent('saya bayar Rp 499.000 kemarin')).toBe('saya bayar kemarin');
  });

  it('keeps the words of scripts without spaces around a number', () => {
    expect(stripNonLinguisticContent('注文番号12345の件について')).toBe('注文番号 の件について');
  });

  it('keeps ordinary words and punctuation, collapsing whitespace', () => {
    expect(stripNonLinguisticContent('  Wo   ist\n\nmein Paket?  ')).toBe('Wo ist mein Paket?');
    expect(stripNonLinguisticContent('z.B. bzw. e.g. usw.')).toBe('z.B. bzw. e.g. usw.');
  });
});
