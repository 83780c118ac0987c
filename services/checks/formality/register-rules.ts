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
/**
 * Casual endings no noun shares: "줘", "봐", "돼", "냐", "잖아", "거야", "미안", "고마워". The rest
 * of KO_CASUAL_ENDING also ends nouns and names: "메시지", "바지", "김민지" (지), "영어" (어),
 * "의자" (자), "거래" (래), "침대" (대); see koreanCasual.
 */
const KO_CASUAL_ONLY = /(?:줘|봐|돼|냐|잖아|거야|이야|미안|고마워|응|ㅋ+|ㅎ+)$/u;
/** Words ending in 해/야 that are nouns: "올해", "분야". */
const KO_NOT_CASUAL = new Set(['올해', '새해', '매해', '지난해', '이해', '분야', '시야']);
/** Common casual words whose ending alone would be ambiguous ("그래" like "거래", "몰라" like "카메라"). */
const KO_CASUAL_WORDS = new Set(['그래', '알아', '몰라', '아니', '그치', '그럼']);
/** Particles that end a heading or a list item, not a sentence: "(5월 31일까지)". */
const KO_PARTICLE_ENDING = /(?:까지|부터|에서|으로|에게|한테|처럼|마다|보다)$/u;
/** Roles before a name: "상담원 김민지", "담당자 박지영" (the name is no verb ending). */
const KO_ROLES = new Set(['상담원', '상담사', '담당', '담당자', '매니저', '팀장', '직원', '기사', '대표', '작성자', '발신', '발신인', '수신인', '수령인', '주문자']);
const HANGUL = /\p{Script=Hangul}/u;
/** The sentence is closed by punctuation: a sentence, not a heading, label or list item. */
const KO_CLOSED = /[.!?。！？~〜…][\s\p{Pe}\p{Pf}]*$/u;

/** The final consonant (jongseong) of a Hangul syllable: 0 for none, 8 ㄹ, 18 ㅄ, 20 ㅆ… */
function finalConsonant(syllable: string | undefined): number {
  const code = syllable ? syllable.charCodeAt(0) - 0xac00 : -1;
  return code >= 0 && code < 11172 ? code % 28 : -1;
}
/** ㅈ ㅊ ㅌ ㅍ ㅎ ㄶ ㅀ ㄷ ㅂ ㄲ: stems ("맞아", "좋아", "같아", "받아", "잡아") no noun + 어/아 ends with. */
const KO_VERB_STEM_FINALS = new Set([22, 23, 25, 26, 27, 6, 15, 7, 17, 2]);

/**
 * Whether `word`, the last of a sentence, is a casual verb ending: "strong" where no noun ends
 * that way, "weak" where nouns and names do too ("바지", "이은지", "영어"), null where it is none.
 */
function koreanCasual(word: string): 'strong' | 'weak' | null {
  if (KO_NOT_CASUAL.has(word)) return null;
  if (KO_CASUAL_WORDS.has(word) || KO_CASUAL_ONLY.test(word)) return 'strong';
  if (!KO_CASUAL_ENDING.test(word)) return null;
  const syllables = [...word];
  const last = syllables[syllables.length - 1]!;
  const before = finalConsonant(syllables[syllables.length - 2]);
  // Past and existence: "했어", "받았지", "있어", "없어", "했니", "했다", "있네".
  if ((before === 20 || before === 18) && /[어아지니다나네군데]/u.test(last)) return 'strong';
  // Future and intention: "할게", "줄래", "할까", "볼걸".
  if (before === 8 && /[게래까걸]/u.test(last)) return 'strong';
  if (/[어아]/u.test(last) && KO_VERB_STEM_FINALS.has(before)) return 'strong';
  // "해", "야" (also a name called: "지수야"), "워" in "고마워"-like adjectives: verbs more than nouns.
  if (/[해야]/u.test(last) || word.endsWith('는데')) return 'strong';
  // A one-syllable predicate: "안 돼", "하지 마", "해 봐".
  if (syllables.length === 1) return 'strong';
  return 'weak';
}

function koreanRules(text: string): FormalityEvidence[] {
  const evidence: FormalityEvidence[] = [];
  for (const sentence of sentences(text)) {
    const polite = KO_POLITE_ANYWHERE.exec(sentence.text);
    const words = ending(sentence.text).split(/\s+/u);
    const last = words.pop() ?? '';
    if (!HANGUL.test(last)) continue;
    if (polite || KO_POLITE_ENDING.test(last) || last === '네') {
      evidence.push(found('formal', 2, sentence, polite?.[0] ?? last));
      continue;
    }
    if (KO_PARTICLE_ENDING.test(last)) continue;
    const casual = koreanCasual(last);
    if (!casual) continue;
    if (casual === 'weak') {
      // A noun or a name can end like a verb: only a closed sentence counts, never the value of a
      // "label: value" line or a name after a role ("담당 상담원: 이은지", "고객센터 상담원 김민지").
      const previous = words[words.length - 1] ?? '';
      if (!KO_CLOSED.test(sentence.text.trimEnd()) || /[:：]/u.test(sentence.text) || KO_ROLES.has(previous)) continue;
    }
    evidence.push(found('informal', 2, sentence, last));
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
