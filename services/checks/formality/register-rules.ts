import type { FormalityEvidence } from './address-rules';

/**
 * Japanese and Korean mark politeness in the verb endings of each sentence, not in a pronoun, so
 * these rules read sentence by sentence: a sentence with a polite ending (です/ます, -요/-습니다)
 * is formal, one ending in a plain or casual form (だ, る, た, よ, ね…; -어, -야, -지…) informal,
 * and one without a predicate ("注文番号：#40213", "배송 현황: 발송 완료") is no evidence. Chinese
 * has a polite pronoun: 您 against 你.
 */

interface Sentence {
  text: string;
  start: number;
}

const SENTENCE = /[^。！？!?\n.]+[。！？!?.]*/gu;

function sentences(text: string): Sentence[] {
  return [...text.matchAll(SENTENCE)].map((m) => ({ text: m[0], start: m.index })).filter((s) => s.text.trim() !== '');
}

/** Punctuation, brackets, emoji, laughter and tildes after the last word: not part of the ending. */
const TRAILING_NOISE = /[\s\p{P}\p{S}\p{N}wWｗ〜~^]+$/u;

function ending(text: string): string {
  return text.replace(TRAILING_NOISE, '');
}

function found(register: FormalityEvidence['register'], weight: number, sentence: Sentence, form: string): FormalityEvidence {
  const at = sentence.text.lastIndexOf(form);
  const start = sentence.start + Math.max(0, at);
  return { register, weight, form, start, end: start + form.length };
}

// ---------------------------------------------------------------------------------------------
// Japanese

/** Polite auxiliaries and keigo anywhere in a sentence. */
const JA_POLITE = /です|ます|ました|ません|ましょう|でした|ございま|ください|下さい|いただ|頂|いたしま|致しま|でしょう|まして|ませ|申し訳/u;
/** Casual words that settle it wherever they are. */
const JA_CASUAL = /ごめん(?!なさい)|ありがとう(?!ござい)|ちゃった|じゃん|じゃない|だよね?|だね|てる(?:よ|ね|から)?$/u;
/** Plain sentence endings (after trailing noise is removed). */
const JA_PLAIN_ENDING = /(?:だ|だよ|だね|よね|よ|ね|な|さ|の|る|た|て|ない|けど|から|かな|かも|って|う|い|ん|する|した|して|って)$/u;
/** Noun-phrase endings that look like plain verbs: headings ("…について"), lists. */
const JA_NOT_PREDICATE = /(?:について|にて|として|における|に関して|向けて)$/u;

function japaneseRules(text: string): FormalityEvidence[] {
  const evidence: FormalityEvidence[] = [];
  for (const sentence of sentences(text)) {
    const polite = JA_POLITE.exec(sentence.text);
    if (polite) {
      evidence.push(found('formal', 2, sentence, polite[0]));
      continue;
    }
    const casual = JA_CASUAL.exec(ending(sentence.text)) ?? JA_CASUAL.exec(sentence.text);
    if (casual) {
      evidence.push(found('informal', 2, sentence, casual[0]));
      continue;
    }
    const last = ending(sentence.text);
    if (JA_NOT_PREDICATE.test(last)) continue;
    const plain = JA_PLAIN_ENDING.exec(last);
    // Only kana endings: a sentence that ends in a kanji or katakana noun has no predicate.
    if (plain) evidence.push(found('informal', 2, sentence, plain[0]));
  }
  return evidence;
}

// ---------------------------------------------------------------------------------------------
// Korean

const KO_POLITE_ANYWHERE = /습니다|습니까|ㅂ니다|세요|십시오|드립니다|드릴게요|드렸|주시|하시|으시/u;
const KO_POLITE_ENDING = /(?:요|니다|니까|시오|죠|오)$/u;
/** Casual endings: the last syllable of the sentence's last word. */
const KO_CASUAL_ENDING = /(?:어|아|해|야|지|냐|니|자|래|게|줘|봐|돼|워|데|걸|군|나|네|다|까|라|렴|든|대|써|쳐|겨|려|마|미안|고마워|응|ㅋ+|ㅎ+)$/u;
/** Particles that end a heading or a list item, not a sentence: "(5월 31일까지)". */
const KO_PARTICLE_ENDING = /(?:까지|부터|에서|으로|에게|한테|처럼|마다|보다)$/u;
const HANGUL = /\p{Script=Hangul}/u;

function koreanRules(text: string): FormalityEvidence[] {
  const evidence: FormalityEvidence[] = [];
  for (const sentence of sentences(text)) {
    const polite = KO_POLITE_ANYWHERE.exec(sentence.text);
    const last = ending(sentence.text).split(/\s+/u).pop() ?? '';
    if (!HANGUL.test(last)) continue;
    if (polite || KO_POLITE_ENDING.test(last) || last === '네') {
      evidence.push(found('formal', 2, sentence, polite?.[0] ?? last));
      continue;
    }
    if (KO_PARTICLE_ENDING.test(last)) continue;
    if (KO_CASUAL_ENDING.test(last)) evidence.push(found('informal', 2, sentence, last));
  }
  return evidence;
}

// ---------------------------------------------------------------------------------------------
// Chinese

function chineseRules(text: string): FormalityEvidence[] {
  const evidence: FormalityEvidence[] = [];
  for (const match of text.matchAll(/您|你/gu)) {
    evidence.push({ register: match[0] === '您' ? 'formal' : 'informal', weight: 2, form: match[0], start: match.index, end: match.index + 1 });
  }
  return evidence;
}

export const REGISTER_RULES = { ja: japaneseRules, ko: koreanRules, zh: chineseRules } as const;
