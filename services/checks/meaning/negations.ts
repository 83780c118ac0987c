/**
 * How many statements of a text are negated, to catch a "not" lost or added in translation.
 *
 * Counted per clause, not per word: Romance and Slavic languages double their negations ("non
 * chiudiamo mai", "ne … pas", "nie … nigdy") where English has one ("we never close"), so a clause
 * with any negation counts once. Set phrases whose negation does not translate as one are removed
 * first: "don't hesitate" is 「お気軽に」 in Japanese, 申し訳ございません is "we are sorry", 对不起
 * is "sorry", 非常 is "very". "Without" words (ohne, sans, -sız) are not counted: translations say
 * "free of charge" or use a suffix as often as a negation.
 */

interface NegationRules {
  markers: RegExp;
  /** Removed before counting. */
  idioms?: RegExp;
}

/** Whole words only: `\b` does not know non-ASCII letters. */
const words = (alternatives: string) => new RegExp(`(?<![\\p{L}])(?:${alternatives})(?![\\p{L}])`, 'gu');

const RULES: Record<string, NegationRules> = {
  en: {
    markers: new RegExp(`${words('not|no|never|nothing|nobody|none|neither|nor|cannot|nowhere').source}|n't(?![\\p{L}])`, 'gu'),
    idioms: words("no later than|not only|(?:don't|do not) hesitate|no matter"),
  },
  de: { markers: words('nicht|kein|keine|keinen|keinem|keiner|keines|nie|niemals|nichts|niemand|nirgends|weder|nein'), idioms: words('zögern sie nicht|zögere nicht|nicht nur|nicht wahr') },
  fr: { markers: words("pas|jamais|rien|aucun|aucune|non|guère|ni|n'\\S+ plus|ne \\S+ plus|n'\\S+ personne|ne \\S+ personne"), idioms: words("n'hésitez pas|n'hésite pas|non seulement") },
  es: { markers: words('no|nunca|jamás|nada|nadie|ningún|ninguna|ninguno|ni|tampoco'), idioms: words('no dude|no dudes|no solo|no sólo') },
  pt: { markers: words('não|nunca|jamais|nada|ninguém|nenhum|nenhuma|nem'), idioms: words('não hesite|não hesites|não só|não deixe de') },
  it: { markers: words('non|mai|niente|nulla|nessuno|nessuna|né'), idioms: words('non esiti|non esitate|non esitare|non solo|come mai') },
  nl: { markers: words('niet|geen|nooit|niets|niemand|nergens|noch|nee'), idioms: words('aarzel niet|aarzelt u niet|niet alleen') },
  pl: {
    markers: words('nie|nigdy|nic|nikt|żaden|żadna|żadne|żadnego|żadnej|ani|niedostępn\\p{L}*|nieczynn\\p{L}*|niemożliw\\p{L}*'),
    idioms: words('nie wahaj się|nie wahaj|nie krępuj się|nie tylko'),
  },
  ru: { markers: words('не|нет|никогда|ничего|никто|ни|нельзя|нигде|ничем'), idioms: words('не стесняйтесь|не стесняйся|не за что|не только') },
  uk: { markers: words('не|ні|ніколи|нічого|ніхто|немає|нема'), idioms: words('не соромтеся|не тільки') },
  tr: {
    markers: new RegExp(
      `${words('değil|yok|hiç|asla|hayır').source}|\\p{L}{2,}m[ae](?:d[ıi]|y[ae]c[ae]k|z|m[ıi]ş|l[ıi]|s[ıi]n|y[ıi]n|y[ıi]z|d[ıi]k)\\p{L}*|\\p{L}{2,}m[ıiuü]yor\\p{L}*`,
      'gu',
    ),
    idioms: words('çekinmeyin|çekinme|kusura bakmayın|kusura bakma'),
  },
  ja: { markers: /ない|ません|ずに|ず[、。]|なかっ|無い|不可|未定/gu, idioms: /申し訳(?:ございません|ありません|ない)|すみません|構いません|かまいません|少な|危な|問題(?:ございません|ありません)/gu },
  ko: { markers: /않|없|못|아니|지\s?마|말아|(?<![\p{L}])안(?=\s)/gu, idioms: /잘못|문제없|상관없/gu },
  zh: {
    markers: /不|没|沒|无|無|别|別|未|勿|莫|非(?!常)/gu,
    idioms: /对不起|對不起|不好意思|不客气|不客氣|不用谢|不用謝|不便|不久|不少|不断|不斷|无论|無論|未来|未來|不错|不錯|不过|不過|没问题|沒問題/gu,
  },
  ar: { markers: words('لا|لم|لن|ليس|ليست|غير') },
  he: { markers: words('לא|אין') },
  sv: { markers: words('inte|ej|aldrig|ingen|inget|inga|icke') },
  id: { markers: words('tidak|bukan|tak|belum|jangan') },
  vi: { markers: words('không|chưa|chẳng|đừng') },
  th: { markers: /ไม่|ห้าม/gu },
};

/** Clause boundaries: punctuation not inside a number ("12.50", "1,299"), and line breaks. */
const CLAUSE = /[.,;:!?](?!\d)|[。！？；、，\n]/u;

export interface NegationCount {
  /** Clauses with at least one negation. */
  count: number;
  /** The negation words found, as written (lower case), for the message. */
  markers: string[];
}

/** Whether negations can be counted in `lang` (a code or tag). */
export function readsNegations(lang: string): boolean {
  return (lang.toLowerCase().split(/[-_]/u)[0] ?? '') in RULES;
}

export function countNegations(text: string, lang: string): NegationCount {
  const rules = RULES[lang.toLowerCase().split(/[-_]/u)[0] ?? ''];
  if (!rules) return { count: 0, markers: [] };
  let prepared = text.normalize('NFC').toLowerCase().replace(/[’ʼ`´]/gu, "'");
  if (rules.idioms) prepared = prepared.replace(rules.idioms, ' ');
  let count = 0;
  const markers: string[] = [];
  for (const clause of prepared.split(CLAUSE)) {
    const found = clause.match(rules.markers);
    if (found && found.length > 0) {
      count++;
      markers.push(found[0]);
    }
  }
  return { count, markers };
}
