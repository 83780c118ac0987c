/**
 * Words the meaning check needs to read facts in the supported languages: currencies, month
 * names, small numbers written as words, percent words, and each locale's number and date order.
 */

// ---------------------------------------------------------------------------------------------
// Locale conventions

/** Languages that write 1,299.00; the rest of the world writes 1.299,00 or 1 299,00. */
const DECIMAL_POINT_LANGUAGES = new Set(['en', 'ja', 'ko', 'zh', 'he', 'th', 'ar']);
/** Regions that write 1,299.00 in a language that otherwise does not (Mexico, Latin America, US Spanish). */
const DECIMAL_POINT_TAGS = new Set(['es-mx', 'es-419', 'es-us']);

export function decimalSeparator(lang: string): '.' | ',' {
  const tag = lang.toLowerCase().replace(/_/gu, '-');
  return DECIMAL_POINT_TAGS.has(tag) || DECIMAL_POINT_LANGUAGES.has(tag.split('-')[0]!) ? '.' : ',';
}

/**
 * How a numeric date without a year is read: 'dmy' (most of the world), 'mdy' (the US), 'ymd'
 * (Japan, Korea, China: 5/12 is 12 May). 'ambiguous': English without a region, where 05/12 may
 * be either; both readings are kept.
 */
export type DateOrder = 'dmy' | 'mdy' | 'ymd' | 'ambiguous';

export function dateOrder(lang: string): DateOrder {
  const tag = lang.toLowerCase().replace(/_/gu, '-');
  const base = tag.split('-')[0]!;
  if (tag === 'en-us' || tag === 'en-ph') return 'mdy';
  if (base === 'en') return tag === 'en' ? 'ambiguous' : 'dmy';
  if (base === 'ja' || base === 'ko' || base === 'zh') return 'ymd';
  return 'dmy';
}

// ---------------------------------------------------------------------------------------------
// Currencies

/**
 * A currency as written, to what it means. '$' and '¥' name several currencies: they are
 * compatible with each of them ("$19.99" and "19,99 US$" agree; "$" and "€" do not).
 */
export type CurrencyCode = 'EUR' | 'USD' | 'MXN' | 'CAD' | 'AUD' | 'GBP' | 'JPY' | 'CNY' | 'BRL' | 'PLN' | 'TRY' | 'RUB' | 'KRW' | 'CHF' | 'SEK' | 'SAR' | 'DOLLAR' | 'YEN-YUAN';

const CURRENCY_FORMS: Array<[CurrencyCode, string[]]> = [
  ['EUR', ['€', 'eur', 'euro', 'euros', 'евро', 'ユーロ', '유로', '欧元', '歐元', 'avro', 'يورو']],
  ['USD', ['us$', 'usd', 'u$s', 'dollars', 'dollar', 'dólares', 'dólar', 'dollari', 'dollaro', 'dolarów', 'dolary', 'долларов', 'доллара', 'доллар', 'ドル', '달러', '美元', 'dolar', 'دولار']],
  ['MXN', ['mxn', 'mx$', 'pesos', 'peso']],
  ['CAD', ['cad', 'c$', 'ca$']],
  ['AUD', ['aud', 'a$', 'au$']],
  ['GBP', ['£', 'gbp', 'pounds', 'pound', 'livres', 'livre', 'pfund', 'libras', 'libra', 'sterline', 'funtów', 'фунтов', 'ポンド', '파운드', '英镑', 'sterlin']],
  ['JPY', ['円', 'jpy', 'yen', 'yens', 'иен', 'エン', '엔', '日元']],
  ['CNY', ['元', 'cny', 'rmb', '人民币', 'yuan', '위안', 'юаней']],
  ['BRL', ['r$', 'brl', 'reais', 'real']],
  ['PLN', ['zł', 'zl', 'pln', 'złotych', 'złote', 'złoty', 'zloty', 'zlotys', 'злотых', 'злотый', 'злотого']],
  ['TRY', ['₺', 'tl', 'try', 'lira', 'liras', 'лир', 'リラ']],
  ['RUB', ['₽', 'руб', 'рублей', 'рубля', 'рубль', 'rub', 'rubles', 'roubles', 'rubli', 'rubel', 'ルーブル', '루블']],
  ['KRW', ['₩', '원', 'krw', 'won', 'ウォン', '韩元']],
  ['CHF', ['chf', 'fr.', 'franken', 'francs suisses']],
  ['SEK', ['sek', 'kr', 'kronor']],
  ['SAR', ['sar', 'ر.س', 'ريال', 'riyals', 'riyal']],
  ['DOLLAR', ['$']],
  ['YEN-YUAN', ['¥', '￥']],
];

export const CURRENCY_BY_FORM = new Map<string, CurrencyCode>(CURRENCY_FORMS.flatMap(([code, forms]) => forms.map((form) => [form, code] as const)));

/** Every form, longest first, so "us$" is read before "$" and "r$" before "$". */
export const CURRENCY_FORMS_LONGEST_FIRST = [...CURRENCY_BY_FORM.keys()].sort((a, b) => b.length - a.length);

const DOLLARS: ReadonlySet<CurrencyCode> = new Set(['USD', 'MXN', 'CAD', 'AUD', 'DOLLAR']);
const YEN_YUAN: ReadonlySet<CurrencyCode> = new Set(['JPY', 'CNY', 'YEN-YUAN']);

export function compatibleCurrencies(a: CurrencyCode, b: CurrencyCode): boolean {
  if (a === b) return true;
  if (a === 'DOLLAR' || b === 'DOLLAR') return DOLLARS.has(a) && DOLLARS.has(b);
  if (a === 'YEN-YUAN' || b === 'YEN-YUAN') return YEN_YUAN.has(a) && YEN_YUAN.has(b);
  return false;
}

// ---------------------------------------------------------------------------------------------
// Months

/** Month names per language, January first; alternatives (inflections, abbreviations) with "|". */
const MONTHS: Record<string, readonly string[]> = {
  en: ['january|jan', 'february|feb', 'march|mar', 'april|apr', 'may', 'june|jun', 'july|jul', 'august|aug', 'september|sept|sep', 'october|oct', 'november|nov', 'december|dec'],
  de: ['januar|jänner|jan', 'februar|feb', 'märz|mär', 'april|apr', 'mai', 'juni', 'juli', 'august|aug', 'september|sept|sep', 'oktober|okt', 'november|nov', 'dezember|dez'],
  fr: ['janvier|janv', 'février|févr|fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet|juil', 'août|aout', 'septembre|sept', 'octobre|oct', 'novembre|nov', 'décembre|déc|decembre'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre|setiembre', 'octubre', 'noviembre', 'diciembre'],
  pt: ['janeiro', 'fevereiro', 'março|marco', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
  it: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  pl: ['stycznia|styczeń', 'lutego|luty', 'marca|marzec', 'kwietnia|kwiecień', 'maja|maj', 'czerwca|czerwiec', 'lipca|lipiec', 'sierpnia|sierpień', 'września|wrzesień', 'października|październik', 'listopada|listopad', 'grudnia|grudzień'],
  ru: ['января|январь', 'февраля|февраль', 'марта|март', 'апреля|апрель', 'мая|май', 'июня|июнь', 'июля|июль', 'августа|август', 'сентября|сентябрь', 'октября|октябрь', 'ноября|ноябрь', 'декабря|декабрь'],
  uk: ['січня|січень', 'лютого|лютий', 'березня|березень', 'квітня|квітень', 'травня|травень', 'червня|червень', 'липня|липень', 'серпня|серпень', 'вересня|вересень', 'жовтня|жовтень', 'листопада|листопад', 'грудня|грудень'],
  tr: ['ocak', 'şubat', 'mart', 'nisan', 'mayıs', 'haziran', 'temmuz', 'ağustos', 'eylül', 'ekim', 'kasım', 'aralık'],
  sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  id: ['januari', 'februari', 'maret', 'april', 'mei', 'juni', 'juli', 'agustus', 'september', 'oktober', 'november', 'desember'],
};

/** Month name (lower case) → month number, over all languages (no name means two months). */
export const MONTH_BY_NAME = new Map<string, number>(
  Object.values(MONTHS).flatMap((names) => names.flatMap((alternatives, index) => alternatives.split('|').map((name) => [name, index + 1] as const))),
);

/**
 * Names that are also ordinary words ("may", "march", Turkish "ocak" stove, "ekim" sowing): read as
 * months only next to a day number.
 */
export const AMBIGUOUS_MONTH_NAMES = new Set(['may', 'mar', 'march', 'jan', 'dec', 'oct', 'nov', 'sep', 'aug', 'jun', 'jul', 'apr', 'feb', 'ocak', 'ekim', 'kasım', 'nisan', 'mart', 'mai', 'maj', 'mei', 'mars', 'sept']);

// ---------------------------------------------------------------------------------------------
// Numbers as words

/**
 * One to twelve in each language ("one"/"a" forms double as articles: they may stand for 1 but
 * are never required, see check-meaning.ts). Words that are also common other words are left out
 * (Italian "sei" = "you are", French "neuf" = "new").
 */
const NUMBER_WORDS: Record<string, readonly string[]> = {
  en: ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'],
  de: ['ein|eins|eine|einen|einem|einer', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf'],
  fr: ['un|une', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', '', 'dix', 'onze', 'douze'],
  es: ['un|uno|una', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez', 'once', 'doce'],
  pt: ['um|uma', 'dois|duas', 'três', 'quatro', 'cinco', 'seis', 'sete', 'oito', 'nove', 'dez', 'onze', 'doze'],
  it: ['un|uno|una', 'due', 'tre', 'quattro', 'cinque', '', 'sette', 'otto', 'nove', 'dieci', 'undici', 'dodici'],
  nl: ['een|één', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'elf', 'twaalf'],
  pl: ['jeden|jedna|jedno', 'dwa|dwie', 'trzy', 'cztery', 'pięć', 'sześć', 'siedem', 'osiem', 'dziewięć', 'dziesięć', 'jedenaście', 'dwanaście'],
  ru: ['один|одна|одно', 'два|две', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять', 'десять', 'одиннадцать', 'двенадцать'],
  uk: ['один|одна|одне', 'два|дві', 'три', 'чотири', "п'ять", 'шість', 'сім', 'вісім', "дев'ять", 'десять', 'одинадцять', 'дванадцять'],
  tr: ['bir', 'iki', 'üç', 'dört', 'beş', 'altı', 'yedi', 'sekiz', 'dokuz', 'on', '', ''],
  sv: ['en|ett', 'två', 'tre', 'fyra', 'fem', '', 'sju', 'åtta', 'nio', 'tio', 'elva', 'tolv'],
  id: ['satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas', 'dua belas'],
};

const numberWordCache = new Map<string, Map<string, number>>();

/** Word → value for one language (empty for languages that write small numbers in digits or characters). */
export function numberWords(language: string): Map<string, number> {
  let words = numberWordCache.get(language);
  if (!words) {
    words = new Map((NUMBER_WORDS[language] ?? []).flatMap((alternatives, index) => alternatives.split('|').filter((w) => w !== '').map((w) => [w, index + 1] as const)));
    numberWordCache.set(language, words);
  }
  return words;
}

// ---------------------------------------------------------------------------------------------
// Percentages

/** Written after the number ("25 Prozent", "20 por ciento"); "%", "％" are handled as symbols. */
export const PERCENT_WORDS_AFTER = ['percent', 'per cent', 'pour cent', 'prozent', 'por ciento', 'por cento', 'per cento', 'procent', 'procentów', 'процентов', 'процента', 'процент', 'パーセント', '퍼센트'];
/** Written before the number: Turkish "yüzde 20", Chinese "百分之20". */
export const PERCENT_WORDS_BEFORE = ['yüzde', '百分之'];
