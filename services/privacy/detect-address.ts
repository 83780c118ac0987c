/**
 * Detector for street addresses.
 *
 * An address is a street type word ("Straße", "rue", "Calle", "Via", "Street", "ul.", "Caddesi",
 * "улица", "区"…) next to a street name AND a house number: the number is required, so "I live near
 * the main street" or "via DHL" stay as written. A postal code + city directly after the street
 * ("…, 10115 Berlin", "…, London NW1 6XE") is masked with it; a postal code or city on its own is not.
 *
 * The word order differs by language, hence one pattern per family:
 *   Germanic compound   Hauptstraße 12 · Musterstr. 5a · Kerkstraat 14 · Drottninggatan 5
 *   Germanic separate   Berliner Straße 12
 *   Number first (FR)   12 rue de la Paix · 3 place de la Concorde
 *   Type first          Calle Mayor 5, 3º B · Rua das Flores, 123 · Av. Paulista, 1578 · Via Roma 10 · ul. Długa 5
 *   English             123 Main Street · 221B Baker St
 *   Turkish, Russian    Atatürk Caddesi No: 12 · ул. Ленина, д. 5, кв. 12
 *   Japanese            〒100-0005 東京都千代田区丸の内1-2-3 · 大阪市北区梅田1-1-1
 *   Chinese, Korean     北京市朝阳区建国路88号 · 서울특별시 강남구 테헤란로 123
 *
 * Street type words that are also ordinary words ("via", "place", "route", "cours", "Court") need a
 * capitalised street name ("Via Roma"), so "via DHL 5 days" or "2 cours de yoga" are left alone; a
 * number followed by a unit ("5 days", "10 €", "3 Stück") is never a house number.
 */
import { SPACE, anyCase, escapeRegExp, forEachMatch, type Detection } from './detection-support';

const SP = SPACE;
const WORD_TAIL = "[\\p{L}\\p{M}'’\\-]*";
/** "Baker", "Champs-Élysées", "O'Connell", also "MAIN". */
const CAPITALISED_WORD = `\\p{Lu}${WORD_TAIL}`;
/** "Roma", "Paulista" — not "DHL", "UPS". */
const TITLE_CASE_WORD = `\\p{Lu}\\p{Ll}${WORD_TAIL}`;
const ANY_WORD = `\\p{L}${WORD_TAIL}`;

/** Alternation of literal words, case-insensitive. */
function words(list: readonly string[]): string {
  return list.map(anyCase).join('|');
}

/** Street type words followed by the name: "c/Mayor" and "ul.Długa" need no space after the abbreviation. */
function streetTypes(list: readonly string[]): string {
  const abbreviations = list.filter((word) => /[./]$/.test(word));
  const full = list.filter((word) => !/[./]$/.test(word));
  const alternatives = [full.length > 0 ? `(?:${words(full)})${SP}+` : '', abbreviations.length > 0 ? `(?:${words(abbreviations)})${SP}*` : ''];
  return `(?:${alternatives.filter((alternative) => alternative !== '').join('|')})`;
}

/** Units and counters: "5 days", "10 €", "3 Stück" make the number a quantity, not a house number. */
const QUANTITY_WORDS = [
  'kg', 'g', 'mg', 'cm', 'mm', 'km', 'm', 'ml', 'l', 'x', 'h', 'min', 'pcs', 'pc', 'stk', 'uhr', 'std', 'tag', 'tage', 'tagen', 'day', 'days',
  'week', 'weeks', 'woche', 'wochen', 'month', 'months', 'monat', 'monate', 'year', 'years', 'jahr', 'jahre', 'jour', 'jours', 'semaine',
  'semaines', 'mois', 'ans', 'día', 'días', 'dia', 'dias', 'semana', 'semanas', 'mes', 'meses', 'año', 'años', 'ano', 'anos', 'giorno',
  'giorni', 'settimana', 'settimane', 'mese', 'mesi', 'anno', 'anni', 'dagen', 'weken', 'maanden', 'jaar', 'dni', 'dzień', 'tygodni', 'gün',
  'hafta', 'yıl', 'item', 'items', 'unit', 'units', 'piece', 'pieces', 'stück', 'stueck', 'pezzi', 'piezas', 'peças', 'pecas', 'unidades',
  'euro', 'euros', 'eur', 'usd', 'dollar', 'dollars', 'times', 'mal', 'fois', 'veces', 'vezes', 'volte', 'keer', 'razy', 'kez', 'minute',
  'minutes', 'minuten', 'minutos', 'minuti', 'hour', 'hours', 'stunde', 'stunden', 'heure', 'heures', 'hora', 'horas', 'ore', 'uur', 'percent',
  'prozent', 'pour cent', 'por ciento', 'por cento', 'per cento', 'zoll', 'inch', 'inches', 'pouces', 'pulgadas', 'polegadas', 'pollici', 'gb',
  'tb', 'mb', 'kb', 'w', 'kw', 'v', 'mah', 'hz', 'ghz', 'mp', '"', '″',
];
/** After a house number: not more digits, not a decimal, not a unit or currency. */
const NOT_A_QUANTITY = `(?![\\p{L}\\p{N}]|[.,]\\d|${SP}?(?:[%€$£¥]|(?:${words(QUANTITY_WORDS)})(?![\\p{L}])))`;

/** "12", "5a", "221B", "12-14", "10/12". */
const HOUSE_NUMBER = `\\d{1,4}(?:[a-zA-Z](?![\\p{L}]))?(?:${SP}?[\\-/]${SP}?\\d{1,4}[a-zA-Z]?)?${NOT_A_QUANTITY}`;
/** German and Dutch house numbers rarely have 4 digits; 4 digits after a word are too often a year. */
const SHORT_HOUSE_NUMBER = `\\d{1,3}(?:[a-zA-Z](?![\\p{L}]))?(?:${SP}?[\\-/]${SP}?\\d{1,3}[a-zA-Z]?)?${NOT_A_QUANTITY}`;

// ---------------------------------------------------------------------------------------------
// Germanic languages: the street type is the end of the street name
// ---------------------------------------------------------------------------------------------

/** Endings of German, Dutch and Nordic street names ("-ring" is left out: "Spring 2026"). */
const GERMANIC_ENDINGS = [
  'straße', 'strasse', 'str.', 'weg', 'gasse', 'allee', 'platz', 'damm', 'ufer', 'chaussee', 'steig', 'pfad', 'graben', 'straat', 'laan',
  'gracht', 'plein', 'kade', 'dijk', 'singel', 'steeg', 'gatan', 'vägen', 'gade', 'vej', 'veien', 'gata',
];
/** Endings that are street names even in a lower-case word ("hauptstraße 12"). */
const DISTINCT_GERMANIC_ENDINGS = ['straße', 'strasse', 'str.', 'straat', 'gasse', 'allee', 'laan', 'gracht'];
const ending = (list: readonly string[]) => list.map(escapeRegExp).join('|');

/** Compounds with a street ending that are no street: "Parkplatz 5" (parking space), "Bahnsteig 3" (platform). */
const NOT_STREET_COMPOUNDS = [
  ...['arbeits', 'park', 'sitz', 'stell', 'spiel', 'steh', 'sport', 'camping', 'flug', 'liege', 'tabellen', 'start', 'ziel'].map((start) => `${start}platz`),
  ...['rück', 'hin', 'heim', 'um', 'aus', 'liefer', 'versand', 'zahlungs', 'rechts', 'lösungs', 'post'].map((start) => `${start}weg`),
  'bahnsteig',
  'dateipfad',
];
const NOT_A_STREET_COMPOUND = `(?!(?:${words(NOT_STREET_COMPOUNDS)})(?![\\p{L}]))`;

const GERMANIC_COMPOUND = new RegExp(
  `(?<![\\p{L}\\p{N}])${NOT_A_STREET_COMPOUND}(?:\\p{Lu}[\\p{L}\\-]+?(?:${ending(GERMANIC_ENDINGS)})|\\p{Ll}[\\p{L}\\-]+?(?:${ending(DISTINCT_GERMANIC_ENDINGS)}))${SP}?${SHORT_HOUSE_NUMBER}`,
  'gu',
);

/**
 * Words that introduce an address and may be capitalised right before a street name ("Adresim Atatürk
 * Caddesi …"): not part of the name.
 */
const NOT_A_STREET_NAME = `(?!(?:${words(['adres', 'adresim', 'adresi', 'adresse', 'address', 'anschrift', 'lieferadresse', 'wohne', 'bitte', 'an', 'nach', 'in', 'teslimat'])})${SP})`;

/** "Berliner Straße 12", "Alte Gasse 3". */
const GERMANIC_SEPARATE = new RegExp(
  `(?<![\\p{L}\\p{N}])${NOT_A_STREET_NAME}(?:${CAPITALISED_WORD}${SP}+){1,2}(?:Straße|Strasse|Str\\.|Weg|Allee|Gasse|Platz|Damm|Ufer|Chaussee|Steig|Graben)${SP}?${SHORT_HOUSE_NUMBER}`,
  'gu',
);

// ---------------------------------------------------------------------------------------------
// Romance languages, Polish: a street type word, then the name
// ---------------------------------------------------------------------------------------------

/** "de la", "das", "del", "d'", "l'"… inside street names. */
const NAME_PARTICLE = `(?:(?:${words(['de', 'del', 'della', 'delle', 'dello', 'dei', 'degli', 'di', 'da', 'das', 'do', 'dos', 'du', 'des', 'la', 'le', 'les', 'los', 'las', 'el', 'lo', 'dels'])})${SP}+|(?:${words(['l', 'd', 'dell', 'all', 'sull'])})['’]${SP}?)`;

/** Street types that are no ordinary word: the name after them may be written in lower case. */
const DISTINCT_STREET_TYPES = [
  'rue', 'avenue', 'boulevard', 'bd', 'blvd', 'allée', 'impasse', 'chemin', 'quai', 'faubourg', 'chaussée', 'calle', 'c/', 'avenida', 'avda.',
  'avda', 'carrer', 'travesía', 'travesia', 'carretera', 'ctra.', 'rua', 'travessa', 'alameda', 'praça', 'praca', 'rodovia', 'viale', 'v.le',
  'piazza', 'p.zza', 'piazzale', 'c.so', 'vicolo', 'lungomare', 'ul.', 'ulica', 'aleja', 'os.', 'osiedle',
];
/** Street types that are also ordinary words or abbreviations: the name must be capitalised. */
const AMBIGUOUS_STREET_TYPES = [
  'via', 'corso', 'largo', 'strada', 'paseo', 'plaza', 'pza.', 'camino', 'ronda', 'av.', 'r.', 'estrada', 'pl.', 'plac', 'al.', 'place',
  'route', 'cours', 'passage', 'square', 'cité', 'voie', 'rte', 'esplanade', 'promenade',
];
/** FR street types after a house number ("12 rue de la Paix"). */
const NUMBER_FIRST_DISTINCT = ['rue', 'avenue', 'boulevard', 'bd', 'blvd', 'allée', 'impasse', 'chemin', 'quai', 'faubourg', 'chaussée'];
const NUMBER_FIRST_AMBIGUOUS = ['place', 'route', 'cours', 'passage', 'square', 'cité', 'voie', 'av.', 'pl.', 'rte', 'esplanade', 'promenade'];

/** A street name after its type: particles, one word (lower case allowed or not), up to 3 more capitalised words. */
const streetName = (firstWord: string) => `${NAME_PARTICLE}*${firstWord}(?:${SP}+${NAME_PARTICLE}*${CAPITALISED_WORD}){0,3}`;

/** "12 rue de la Paix", "12bis, avenue Foch", "3 place de la Concorde". */
const NUMBER_FIRST = new RegExp(
  `(?<![\\p{L}\\p{N}])\\d{1,4}(?:${SP}?(?:bis|ter|quater)|[A-Za-z])?(?![\\p{L}\\p{N}]),?${SP}+(?:${streetTypes(NUMBER_FIRST_DISTINCT)}${streetName(ANY_WORD)}|${streetTypes(NUMBER_FIRST_AMBIGUOUS)}${streetName(TITLE_CASE_WORD)})`,
  'gu',
);

/** "nº 5", "n.º 5", "núm. 5", "Nr. 5", "No. 5" before a house number. */
const NUMBER_SIGN = `(?:(?:n${SP}?[º°o]|n\\.[º°]|${words(['núm', 'num', 'número', 'numero', 'nr', 'no'])})\\.?${SP}*)`;
/** Spanish floor and door: ", 3º B", " 2º 1ª", ", bajo". */
const FLOOR_AND_DOOR = `(?:,?${SP}*(?:\\d{1,2}${SP}?[º°ª](?:${SP}?(?:[A-Za-z]|\\d{1,2}${SP}?[ºª]?)(?![\\p{L}\\p{N}]))?|${words(['bajo', 'entlo.', 'ático'])}(?:${SP}?[A-Za-z](?![\\p{L}]))?))?`;
/** Apartment, staircase, room: " - apto 12", ", int. 4", " m. 5". */
const APARTMENT = `(?:${SP}*[,\\-–]?${SP}*(?:${words(['apto.', 'apto', 'ap.', 'apartamento', 'sala', 'bloco', 'int.', 'interno', 'scala', 'lok.', 'm.', 'piso', 'puerta', 'pta.'])})${SP}*\\d{1,4}[A-Za-z]?(?![\\p{L}\\p{N}]))?`;

/** "Calle Mayor 5, 3º B", "Rua das Flores, 123", "Av. Paulista, 1578", "Via Roma 10", "ul. Długa 5/7". */
const TYPE_FIRST = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${streetTypes(DISTINCT_STREET_TYPES)}${streetName(ANY_WORD)}|${streetTypes(AMBIGUOUS_STREET_TYPES)}${streetName(TITLE_CASE_WORD)}),?${SP}*${NUMBER_SIGN}?${HOUSE_NUMBER}${FLOOR_AND_DOOR}${APARTMENT}`,
  'gu',
);

// ---------------------------------------------------------------------------------------------
// English, Turkish, Russian
// ---------------------------------------------------------------------------------------------

/** English street types that are hardly anything else. */
const ENGLISH_STREET_TYPES = ['street', 'avenue', 'road', 'boulevard', 'terrace', 'crescent', 'parkway', 'highway'];
const ENGLISH_ABBREVIATIONS = ['St', 'Ave', 'Rd', 'Blvd', 'Ln', 'Dr', 'Ct', 'Pl', 'Terr', 'Pkwy', 'Hwy', 'Sq', 'Cir'];
/** …and those that are also names of products and things ("1 Google Drive", "2 Fast Lane"): only after a 2+ digit number. */
const AMBIGUOUS_ENGLISH_STREET_TYPES = ['lane', 'drive', 'court', 'place', 'way', 'close', 'square', 'circle', 'trail'];

const englishAddress = (houseNumber: string, streetTypes: string) =>
  new RegExp(
    `(?<![\\p{L}\\p{N}])${houseNumber}[A-Za-z]?${SP}+(?:(?:N|S|E|W|North|South|East|West)\\.?${SP}+)?(?:(?:${CAPITALISED_WORD}|\\d{1,3}(?:st|nd|rd|th))${SP}+){1,3}(?:${streetTypes})(?![\\p{L}])\\.?(?:${SP}+(?:NE|NW|SE|SW|N|S|E|W)(?![\\p{L}]))?(?:,?${SP}*(?:Apt|Apartment|Suite|Ste|Unit|Flat)\\.?${SP}*#?${SP}?\\d{1,5}[A-Za-z]?(?![\\p{L}\\p{N}]))?`,
    'gu',
  );

/** "123 Main Street", "221B Baker St", "1600 Pennsylvania Ave NW", "5 W 42nd St, Apt 4B", "42 Oak Drive". */
const ENGLISH = englishAddress('\\d{1,5}', `${words(ENGLISH_STREET_TYPES)}|${ENGLISH_ABBREVIATIONS.join('|')}`);
const ENGLISH_AMBIGUOUS = englishAddress('\\d{2,5}', words(AMBIGUOUS_ENGLISH_STREET_TYPES));

/** "Atatürk Caddesi No: 12", "Gül Sk. No 5/3". */
const TURKISH = new RegExp(
  `(?<![\\p{L}\\p{N}])${NOT_A_STREET_NAME}(?:${CAPITALISED_WORD}${SP}+){1,2}(?:Caddesi|Cad\\.|Cd\\.|Sokak|Sokağı|Sok\\.|Sk\\.|Bulvarı|Blv\\.)${SP}*,?${SP}*(?:No${SP}?[:.]?${SP}*)?${HOUSE_NUMBER}(?:${SP}*/${SP}*\\d{1,4})?`,
  'gu',
);

/** "ул. Ленина, д. 5, кв. 12", "проспект Мира 10", "вул. Хрещатик 22". */
const RUSSIAN = new RegExp(
  `(?<![\\p{L}\\p{N}])${streetTypes(['ул.', 'улица', 'пр-т', 'просп.', 'проспект', 'пер.', 'переулок', 'ш.', 'шоссе', 'наб.', 'набережная', 'бульвар', 'б-р', 'пл.', 'площадь', 'вул.', 'вулиця'])}\\p{L}[\\p{L}\\-]*(?:${SP}+\\p{L}[\\p{L}\\-]*){0,2}?,?${SP}*(?:(?:д\\.|дом)${SP}*)?\\d{1,4}[а-яА-Я]?(?![\\p{L}\\p{N}])(?:,?${SP}*(?:корп\\.|к\\.|стр\\.)${SP}*\\d{1,3})?(?:,?${SP}*(?:кв\\.|квартира)${SP}*\\d{1,4})?`,
  'gu',
);

// ---------------------------------------------------------------------------------------------
// Japanese, Chinese, Korean
// ---------------------------------------------------------------------------------------------

const JAPANESE_PREFECTURE =
  '(?:東京都|北海道|京都府|大阪府|(?:青森|岩手|宮城|秋田|山形|福島|茨城|栃木|群馬|埼玉|千葉|神奈川|新潟|富山|石川|福井|山梨|長野|岐阜|静岡|愛知|三重|滋賀|兵庫|奈良|和歌山|鳥取|島根|岡山|広島|山口|徳島|香川|愛媛|高知|福岡|佐賀|長崎|熊本|大分|宮崎|鹿児島|沖縄)県)';
const JAPANESE_CHAR = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー々ヶ]';
const WIDE_DIGIT = '[0-9０-９]';
const JAPANESE_POSTAL_CODE = `〒${SP}?${WIDE_DIGIT}{3}[\\-－‐−]?${WIDE_DIGIT}{4}`;
/** "1-2-3", "2丁目8-1", "5番地": a number followed by a block word or a dash, then more; not "3日" or "3-4日". */
const JAPANESE_BLOCK = `${WIDE_DIGIT}{1,4}(?:丁目|番地|番|号|[\\-－‐−])(?:${WIDE_DIGIT}{1,4}(?:丁目|番地|番|号|[\\-－‐−])?){0,3}(?![0-9０-９日月年時分秒個回円件人枚台本週])`;

/**
 * A prefecture ("東京都…") or a city/ward not preceded by other kanji ("…は大阪市北区…"), the district,
 * then the block number. Without either anchor the start of an address in unspaced text is unknowable.
 */
const JAPANESE = new RegExp(
  `(?:${JAPANESE_POSTAL_CODE}${SP}*)?(?:${JAPANESE_PREFECTURE}${JAPANESE_CHAR}{1,15}?|(?<!\\p{Script=Han})\\p{Script=Han}{1,4}[市区](?:\\p{Script=Han}{1,3}区)?${JAPANESE_CHAR}{0,12}?)${JAPANESE_BLOCK}`,
  'gu',
);
const JAPANESE_POSTAL_CODE_ALONE = new RegExp(`${JAPANESE_POSTAL_CODE}(?![0-9０-９])`, 'gu');

/** "北京市朝阳区建国路88号", "上海市浦东新区世纪大道100号3楼": road + number + 号, with the city and district before. */
const CHINESE = new RegExp(
  `(?:\\p{Script=Han}{2,3}?(?:省|市|自治区))?(?:\\p{Script=Han}{1,4}?(?:市|区|县|區|縣|新区))?\\p{Script=Han}{1,8}?(?:路|街|大道|大街|巷|弄|胡同)${WIDE_DIGIT}{1,5}(?:号|號)(?:${WIDE_DIGIT}{1,4}(?:号楼|號樓|栋|幢|座|单元|楼|室)){0,4}`,
  'gu',
);
/** Words a match may start with that are not part of the address ("在北京市…" = "in Beijing…"). */
const CHINESE_LEADING_WORDS = /^(?:我住在|住在|寄到|送到|发到|地址是|地址|是|在|到|于|於)/u;

/** "서울특별시 강남구 테헤란로 123", "강남구 테헤란로 123-4": district (구/군/시) then road (로/길) and number. */
const KOREAN = new RegExp(
  `(?<![가-힣])(?:[가-힣]+(?:특별시|광역시|특별자치시|도|시)${SP}+)?[가-힣]+[구군시]${SP}+[가-힣0-9]+(?:로|길)${SP}?\\d{1,5}(?:-\\d{1,4})?(?![0-9])`,
  'gu',
);

// ---------------------------------------------------------------------------------------------
// Postal code and city after a street
// ---------------------------------------------------------------------------------------------

const CITY = `\\p{Lu}${WORD_TAIL}(?:(?:${SP}|-)(?:(?:am|an|de|del|di|la|le|sur|en|im|bei|upon|on)${SP})?\\p{Lu}${WORD_TAIL}){0,2}`;
/** 10115 · D-10115 · 1012 AB · 00-950 · 1000-001 · 01310-100 · 1010 */
const POSTAL_CODE = `(?:[A-Z]{1,2}-)?(?:\\d{5}|\\d{4}${SP}?[A-Z]{2}(?![\\p{L}])|\\d{2}-\\d{3}|\\d{4}-\\d{3}|\\d{5}-\\d{3}|\\d{4})`;
const UK_POSTCODE = `[A-Z]{1,2}\\d[A-Z\\d]?${SP}?\\d[A-Z]{2}`;

/** Tried right where a street address ends (sticky): ", 10115 Berlin", ", London NW1 6XE", ", Springfield, IL 62704". */
const POSTAL_CODE_AND_CITY = new RegExp(
  `(?:${SP}*,${SP}*|${SP}+[\\-–]${SP}+|${SP}+)(?:${POSTAL_CODE}${SP}+${CITY}|${CITY},?${SP}+${UK_POSTCODE}|${UK_POSTCODE}|${CITY},${SP}?[A-Z]{2}${SP}\\d{5}(?:-\\d{4})?|(?:CEP:?${SP}*)?\\d{5}-\\d{3})(?![\\p{L}\\p{N}])`,
  'uy',
);

function withPostalCodeAndCity(text: string, end: number): number {
  POSTAL_CODE_AND_CITY.lastIndex = end;
  const match = POSTAL_CODE_AND_CITY.exec(text);
  return match ? end + match[0].length : end;
}

const LATIN_PATTERNS = [GERMANIC_COMPOUND, GERMANIC_SEPARATE, NUMBER_FIRST, TYPE_FIRST, ENGLISH, ENGLISH_AMBIGUOUS, TURKISH, RUSSIAN];

export function detectAddresses(text: string): Detection[] {
  const hasDigit = /[0-9０-９]/.test(text);
  if (!hasDigit) return [];
  const found: Detection[] = [];
  const add = (start: number, end: number) => found.push({ kind: 'address', start, end });

  for (const pattern of LATIN_PATTERNS) {
    forEachMatch(pattern, text, (match) => add(match.index, withPostalCodeAndCity(text, match.index + match[0].length)));
  }
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}〒]/u.test(text)) {
    forEachMatch(JAPANESE, text, (match) => add(match.index, match.index + match[0].length));
    forEachMatch(JAPANESE_POSTAL_CODE_ALONE, text, (match) => add(match.index, match.index + match[0].length));
    forEachMatch(CHINESE, text, (match) => {
      const leading = CHINESE_LEADING_WORDS.exec(match[0])?.[0].length ?? 0;
      add(match.index + leading, match.index + match[0].length);
    });
  }
  if (/[가-힣]/.test(text)) forEachMatch(KOREAN, text, (match) => add(match.index, match.index + match[0].length));
  return found;
}
