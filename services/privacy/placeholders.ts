/**
 * The placeholders personal data is replaced by ("[EMAIL_1]", "[PHONE_2]", "[ID_1]"…), and a scanner
 * that finds them again in a model's answer — also when the model changed them on the way: wrong case
 * ("[Email_1]"), another separator ("[EMAIL 1]", "[E-MAIL_1]"), other brackets ("【EMAIL_1】"), no
 * brackets ("EMAIL_1"), a translated kind word ("[TELÉFONO_1]", "[電話_1]"), full-width digits.
 *
 * The same scanner runs over the customer's own text before masking, so numbers already used there
 * ("my code is [EMAIL_1]") are skipped and a restore never mistakes the customer's text for ours.
 */
import type { PersonalDataKind } from './mask-personal-data';

/** The word in each kind's placeholder. */
export const PLACEHOLDER_WORDS: Readonly<Record<PersonalDataKind, string>> = {
  email: 'EMAIL',
  phone: 'PHONE',
  card: 'CARD',
  iban: 'IBAN',
  'national-id': 'ID',
  address: 'ADDRESS',
  ip: 'IP',
};

/** "[EMAIL_1]": the placeholder of the `number`th distinct value of `kind`. */
export function formatPlaceholder(kind: PersonalDataKind, number: number): string {
  return `[${PLACEHOLDER_WORDS[kind]}_${number}]`;
}

/**
 * How a model may have written each kind's word: English variants and translations into the languages
 * Parley translates between. Compared after `normalizeKindWord` (case, accents and separators ignored).
 */
const KIND_WORD_ALIASES: Readonly<Record<PersonalDataKind, readonly string[]>> = {
  email: [
    'EMAIL', 'E-MAIL', 'MAIL', 'EMAIL ADDRESS', 'E-MAIL-ADRESSE', 'MAILADRESSE', 'COURRIEL', 'ADRESSE E-MAIL', 'ADRESSE MAIL', 'CORREO',
    'CORREO ELECTRÓNICO', 'CORREO-E', 'ENDEREÇO DE E-MAIL', 'POSTA ELETTRONICA', 'E-MAILADRES', 'ADRES E-MAIL', 'E-POSTA', 'ЭЛ. ПОЧТА',
    'ЭЛЕКТРОННАЯ ПОЧТА', 'ПОЧТА', 'EMAIL-АДРЕС', 'メール', 'メールアドレス', 'Eメール', '邮箱', '电子邮件', '電子郵件', '郵件', '邮件', '이메일', '메일',
    'البريد الإلكتروني', 'البريد', 'بريد', 'إيميل',
  ],
  phone: [
    'PHONE', 'PHONE NUMBER', 'TELEPHONE', 'TEL', 'MOBILE', 'CELL', 'TELEFON', 'TELEFONNUMMER', 'HANDY', 'HANDYNUMMER', 'RUFNUMMER', 'TÉLÉPHONE',
    'NUMÉRO DE TÉLÉPHONE', 'PORTABLE', 'TELÉFONO', 'NÚMERO DE TELÉFONO', 'MÓVIL', 'CELULAR', 'TELEFONE', 'TELEMÓVEL', 'TELEFONO', 'CELLULARE',
    'TELEFOON', 'TELEFOONNUMMER', 'NUMER TELEFONU', 'TELEFON NUMARASI', 'ТЕЛЕФОН', 'НОМЕР ТЕЛЕФОНА', '電話', '電話番号', '携帯', '电话', '电话号码',
    '手机', '電話號碼', '전화', '전화번호', '휴대폰', 'هاتف', 'الهاتف', 'رقم الهاتف', 'جوال',
  ],
  card: [
    'CARD', 'CARD NUMBER', 'CREDIT CARD', 'KARTE', 'KARTENNUMMER', 'KREDITKARTE', 'CARTE', 'CARTE BANCAIRE', 'NUMÉRO DE CARTE', 'TARJETA',
    'NÚMERO DE TARJETA', 'CARTÃO', 'NÚMERO DO CARTÃO', 'CARTA', 'CARTA DI CREDITO', 'KAART', 'KAARTNUMMER', 'KARTA', 'NUMER KARTY', 'KART',
    'KART NUMARASI', 'КАРТА', 'НОМЕР КАРТЫ', 'カード', 'カード番号', '卡', '卡号', '银行卡', '信用卡', '카드', '카드번호', 'بطاقة', 'البطاقة',
  ],
  iban: ['IBAN'],
  'national-id': [
    'ID', 'ID NUMBER', 'NATIONAL ID', 'IDENTITY NUMBER', 'AUSWEIS', 'AUSWEISNUMMER', 'PERSONALAUSWEIS', 'DNI', 'NIE', 'NIF', 'CPF', 'SSN', 'NIR',
    'BSN', 'PESEL', 'NINO', 'CODICE FISCALE', 'DOCUMENTO', 'NÚMERO DE IDENTIDAD', "NUMÉRO D'IDENTITÉ", 'IDENTITEIT', 'KIMLIK', 'TCKN', 'ПАСПОРТ',
    'マイナンバー', '個人番号', '身份证', '身份证号', '身分證', '주민등록번호', 'هوية', 'الهوية',
  ],
  address: [
    'ADDRESS', 'ADRESSE', 'ANSCHRIFT', 'DIRECCIÓN', 'DOMICILIO', 'ENDEREÇO', 'MORADA', 'INDIRIZZO', 'ADRES', 'ADRESS', 'АДРЕС', '住所', '地址',
    '주소', 'عنوان', 'العنوان',
  ],
  ip: ['IP', 'IP ADDRESS', 'IP-ADRESSE', 'ADRESSE IP', 'DIRECCIÓN IP', 'ENDEREÇO IP', 'INDIRIZZO IP', 'IP-ADRES', 'IP-АДРЕС', 'IPアドレス', 'IP地址', 'IP 주소'],
};

/** "Number" words a model may put for a phone, card or id number; which one is decided by the placeholders given. */
const NUMBER_WORDS = ['NUMBER', 'NUMMER', 'NUMÉRO', 'NÚMERO', 'NUMERO', 'NUMER', 'NUMARA', 'НОМЕР', '番号', '号码', '번호', 'رقم'];
const NUMBER_WORD_KINDS: readonly PersonalDataKind[] = ['phone', 'card', 'national-id'];

/** Small words allowed between the words of a longer kind name ("NÚMERO DE TELÉFONO"). */
const FILLER_WORDS = new Set(['DE', 'DEL', 'DO', 'DA', 'DI', 'DU', 'OF', 'THE', 'LA', 'LE', 'EL']);

/** Upper case, no accents, no separators: "Teléfono" and "TELEFONO", "E-Mail" and "EMAIL" compare equal. */
function normalizeKindWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase().replace(/[\s\-_.'’]/g, '');
}

const NUMBER_WORD_KEYS = new Set(NUMBER_WORDS.map(normalizeKindWord));
const KINDS_BY_WORD = new Map<string, PersonalDataKind[]>();
for (const [kind, aliases] of Object.entries(KIND_WORD_ALIASES) as Array<[PersonalDataKind, readonly string[]]>) {
  for (const alias of aliases) {
    const key = normalizeKindWord(alias);
    KINDS_BY_WORD.set(key, [...new Set([...(KINDS_BY_WORD.get(key) ?? []), kind])]);
  }
}
for (const key of NUMBER_WORD_KEYS) KINDS_BY_WORD.set(key, [...NUMBER_WORD_KINDS]);

/**
 * The kinds a placeholder's word may stand for: an alias as a whole ("E-Mail-Adresse"), or words that
 * are all aliases or fillers, the most specific winning ("NÚMERO DE TELÉFONO" → phone, not "número").
 * Empty when it is no kind word at all ("Seite", "see IP").
 */
export function kindsOfWord(word: string): PersonalDataKind[] {
  const whole = KINDS_BY_WORD.get(normalizeKindWord(word));
  if (whole) return whole;
  const parts = word.split(/[\s\-_.'’]+/).map(normalizeKindWord).filter((part) => part !== '');
  if (parts.length < 2) return [];
  const specific = new Set<PersonalDataKind>();
  let sawNumberWord = false;
  for (const part of parts) {
    const kinds = KINDS_BY_WORD.get(part);
    if (NUMBER_WORD_KEYS.has(part)) sawNumberWord = true;
    else if (kinds) kinds.forEach((kind) => specific.add(kind));
    else if (!FILLER_WORDS.has(part)) return [];
  }
  if (specific.size > 0) return [...specific];
  return sawNumberWord ? [...NUMBER_WORD_KINDS] : [];
}

/** A placeholder-looking token in some text. */
export interface PlaceholderToken {
  start: number;
  end: number;
  /** As written: "[EMAIL_1]", "[Email 1]", "EMAIL_1", "【電話_1】". */
  text: string;
  /** The kinds its word may stand for (several only for "number" words). */
  kinds: readonly PersonalDataKind[];
  number: number;
}

const SQUARE_OPEN = '[\\[【［〔〖「]';
const SQUARE_CLOSE = '[\\]】］〕〗」]';
const OTHER_OPEN = '[(（{<«]';
const OTHER_CLOSE = '[)）}>»]';
/** A kind word: letters, with single inner spaces, dashes, dots or apostrophes ("E-Mail", "NÚMERO DE TELÉFONO"). */
const KIND_WORD = "[\\p{L}\\p{M}](?:[\\p{L}\\p{M}]|[\\-_ .'’](?=[\\p{L}\\p{M}])){0,40}";
const PLACEHOLDER_NUMBER = '[0-9０-９]{1,6}';
const PAD = '[ \\u00A0]*';
/** Markdown may escape brackets and underscores: "\[EMAIL\_1\]". */
const ESCAPE = '\\\\?';

const PLACEHOLDER_TOKEN = new RegExp(
  [
    // In square-like brackets any separator, or none: [EMAIL_1] [Email 1] [E-MAIL-1] [EMAIL1] 【電話_1】
    `${ESCAPE}${SQUARE_OPEN}${PAD}(${KIND_WORD})${PAD}(?:${ESCAPE}[_＿\\-‐–])?${PAD}(${PLACEHOLDER_NUMBER})${PAD}${ESCAPE}${SQUARE_CLOSE}`,
    // In round, curly or angle brackets only with an underscore, as "(Card 1)" is ordinary prose: (EMAIL_1) {PHONE_2} <IP_1>
    `${OTHER_OPEN}${PAD}(${KIND_WORD})${ESCAPE}[_＿](${PLACEHOLDER_NUMBER})${PAD}${OTHER_CLOSE}`,
    // Without brackets only with an underscore and the placeholder's own word: EMAIL_1, Phone_2, ID\_1
    `(?<![\\p{L}\\p{N}_])(${Object.values(PLACEHOLDER_WORDS).join('|')}|E-MAIL)${ESCAPE}[_＿](${PLACEHOLDER_NUMBER})(?![\\p{L}\\p{N}_])`,
  ].join('|'),
  'giu',
);

/** Every placeholder-looking token in `text`, in order. Words that are no kind word ("[Seite 1]") are skipped. */
export function findPlaceholderTokens(text: string): PlaceholderToken[] {
  const tokens: PlaceholderToken[] = [];
  PLACEHOLDER_TOKEN.lastIndex = 0;
  for (let match = PLACEHOLDER_TOKEN.exec(text); match !== null; match = PLACEHOLDER_TOKEN.exec(text)) {
    const word = match[1] ?? match[3] ?? match[5] ?? '';
    const digits = match[2] ?? match[4] ?? match[6] ?? '';
    const kinds = kindsOfWord(word);
    if (kinds.length === 0) {
      // Not ours ("[Seite 1]"); look again from the next character, a real token may start inside.
      PLACEHOLDER_TOKEN.lastIndex = match.index + 1;
      continue;
    }
    tokens.push({ start: match.index, end: match.index + match[0].length, text: match[0], kinds, number: Number(digits.normalize('NFKC')) });
  }
  return tokens;
}
