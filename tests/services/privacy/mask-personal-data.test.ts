import { describe, expect, it } from 'vitest';
import {
  PERSONAL_DATA_KINDS,
  maskPersonalData,
  restorePersonalData,
  type PersonalDataKind,
} from '@/services/privacy/mask-personal-data';

/** What was found in `text`, as [kind, value] pairs in text order. */
function findings(text: string, kinds?: readonly PersonalDataKind[]): Array<[PersonalDataKind, string]> {
  return maskPersonalData(text, kinds ? { kinds } : {}).found.map((finding) => [finding.kind, finding.value]);
}

/** [what, customer message, the personal data in it] */
type Case = [string, string, Array<[PersonalDataKind, string]>];

const EMAILS: Case[] = [
  ['en, plus tag and subdomain', 'Please reply to lena.schmidt+shop@mail.example.co.uk, thanks', [['email', 'lena.schmidt+shop@mail.example.co.uk']]],
  ['de, sentence end', 'Meine E-Mail: max_mustermann@beispiel.de.', [['email', 'max_mustermann@beispiel.de']]],
  ['fr', 'Écrivez-moi à jean-pierre.dupont@exemple.fr svp', [['email', 'jean-pierre.dupont@exemple.fr']]],
  ['ja, no spaces around it', 'メールはtaro.yamada@example.jpです', [['email', 'taro.yamada@example.jp']]],
  ['zh', '我的邮箱是wang.wei@example.cn，谢谢', [['email', 'wang.wei@example.cn']]],
  ['ar', 'بريدي الإلكتروني ahmed@example.sa شكرا', [['email', 'ahmed@example.sa']]],
  ['ru', 'Почта: ivan.petrov@example.ru', [['email', 'ivan.petrov@example.ru']]],
];

const PHONES: Case[] = [
  ['de, international', 'Rufen Sie mich an: +49 151 23456789', [['phone', '+49 151 23456789']]],
  ['pt-BR, international with area code in parentheses', 'Meu WhatsApp é +55 (11) 98765-4321', [['phone', '+55 (11) 98765-4321']]],
  ['ja, international', '電話は+81 90-1234-5678です', [['phone', '+81 90-1234-5678']]],
  ['fr, international', 'Appelez-moi au +33 6 12 34 56 78 demain', [['phone', '+33 6 12 34 56 78']]],
  ['de, 00 prefix and (0)', 'Erreichbar unter 0049 (0)151 2345 6789', [['phone', '0049 (0)151 2345 6789']]],
  ['de, national', 'Sie erreichen mich unter 0151 23456789.', [['phone', '0151 23456789']]],
  ['de, after a word that is no label', 'Rückfragen zur Bestellung: 0151 23456789', [['phone', '0151 23456789']]],
  ['pt-BR, national', 'Pode ligar no (11) 98765-4321', [['phone', '(11) 98765-4321']]],
  ['ja, national, glued to the text', '携帯090-1234-5678までお願いします', [['phone', '090-1234-5678']]],
  ['fr, national', 'Mon portable : 06 12 34 56 78', [['phone', '06 12 34 56 78']]],
  ['en, two US formats', 'Call (555) 123-4567 or 555-123-4567', [['phone', '(555) 123-4567'], ['phone', '555-123-4567']]],
  ['es', 'Mi móvil es 612 34 56 78', [['phone', '612 34 56 78']]],
  ['it', 'Il mio cellulare: 347 123 4567', [['phone', '347 123 4567']]],
  ['pl', 'Mój numer to 512 345 678', [['phone', '512 345 678']]],
  ['tr', 'Telefonum 0532 123 45 67', [['phone', '0532 123 45 67']]],
  ['ru', 'Мой телефон 8 (912) 345-67-89', [['phone', '8 (912) 345-67-89']]],
  ['ko', '연락처 010-1234-5678 입니다', [['phone', '010-1234-5678']]],
  ['nl, after "bel me op" and on its own', 'Bel me op 020-123 4567 of 06-12345678', [['phone', '020-123 4567'], ['phone', '06-12345678']]],
];

/** Bare digit runs: phone numbers only right after a phone word. */
const BARE_PHONES: Case[] = [
  ['de, Telefon', 'Telefon 015123456789', [['phone', '015123456789']]],
  ['de, Handy', 'Handy: 0151-23456789', [['phone', '0151-23456789']]],
  ['de, meine Nummer', 'Meine Nummer ist 015123456789', [['phone', '015123456789']]],
  ['en, call me', 'call me at 5551234567', [['phone', '5551234567']]],
  ['es, teléfono', 'teléfono: 612345678', [['phone', '612345678']]],
  ['pt, celular', 'meu celular 11987654321', [['phone', '11987654321']]],
  ['WhatsApp', 'WhatsApp 5511987654321', [['phone', '5511987654321']]],
  ['fr, téléphone', 'téléphone 0612345678', [['phone', '0612345678']]],
  ['nl, telefoon', 'telefoon 0612345678', [['phone', '0612345678']]],
  ['tr, telefon', 'telefon numaram 05321234567', [['phone', '05321234567']]],
  ['ja, 電話番号', '電話番号は09012345678です', [['phone', '09012345678']]],
  ['zh, 手机', '我的手机13800138000', [['phone', '13800138000']]],
  ['ru, телефон', 'телефон 89123456789', [['phone', '89123456789']]],
  ['ar, هاتف', 'رقم هاتفي 0501234567', [['phone', '0501234567']]],
  ['ko, 전화번호', '전화번호 01012345678', [['phone', '01012345678']]],
];

const CARDS: Case[] = [
  ['Visa, spaced', 'Bezahlt mit 4111 1111 1111 1111', [['card', '4111 1111 1111 1111']]],
  ['Mastercard, dashes', 'Tarjeta 5555-5555-5555-4444', [['card', '5555-5555-5555-4444']]],
  ['Mastercard 2-series, compact', 'Karte 2223003122003222', [['card', '2223003122003222']]],
  ['Amex 4-6-5', 'Amex 3782 822463 10005', [['card', '3782 822463 10005']]],
  ['JCB', 'JCBカード 3530 1113 3330 0000 です', [['card', '3530 1113 3330 0000']]],
  ['UnionPay', '银联卡 6200 0000 0000 0005', [['card', '6200 0000 0000 0005']]],
  ['Discover', 'Discover 6011 1111 1111 1117', [['card', '6011 1111 1111 1117']]],
  ['Maestro', 'Maestro 5019 7170 1010 3742', [['card', '5019 7170 1010 3742']]],
];

/** One valid IBAN per country the brief names (ISO 13616 examples). */
const IBANS = [
  'DE89 3704 0044 0532 0130 00', 'FR14 2004 1010 0505 0001 3M02 606', 'ES91 2100 0418 4502 0005 1332', 'IT60 X054 2811 1010 0000 0123 456',
  'NL91 ABNA 0417 1643 00', 'BE68 5390 0754 7034', 'AT61 1904 3002 3457 3201', 'CH93 0076 2011 6238 5295 7', 'PT50 0002 0123 1234 5678 9015 4',
  'PL61 1090 1014 0000 0712 1981 2874', 'GB82 WEST 1234 5698 7654 32', 'IE29 AIBK 9311 5212 3456 78', 'SE45 5000 0000 0583 9825 7466',
  'DK50 0040 0440 1162 43', 'FI21 1234 5600 0007 85', 'NO93 8601 1117 947', 'LU28 0019 4006 4475 0000', 'TR33 0006 1005 1978 6457 8413 26',
  'SA03 8000 0000 6080 1016 7519', 'AE07 0331 2345 6789 0123 456', 'BR97 0036 0305 0000 1000 9795 493P 1',
];

const NATIONAL_IDS: Case[] = [
  ['BR CPF, formatted', 'Meu CPF é 123.456.789-09', [['national-id', '123.456.789-09']]],
  ['BR CPF, bare after "CPF"', 'CPF: 52998224725', [['national-id', '52998224725']]],
  ['ES DNI', 'Mi DNI es 12345678Z', [['national-id', '12345678Z']]],
  ['ES NIE', 'NIE X1234567L, gracias', [['national-id', 'X1234567L']]],
  ['IT codice fiscale', 'Il mio codice fiscale è RSSMRA85T10A562S', [['national-id', 'RSSMRA85T10A562S']]],
  ['FR NIR, grouped', 'Mon numéro de sécu : 1 85 05 78 006 084 91', [['national-id', '1 85 05 78 006 084 91']]],
  ['FR NIR, bare after "sécu"', 'numéro de sécu 185057800608491', [['national-id', '185057800608491']]],
  ['US SSN', 'My SSN is 123-45-6789', [['national-id', '123-45-6789']]],
  ['UK NI number', 'NI number AB 12 34 56 C', [['national-id', 'AB 12 34 56 C']]],
  ['NL BSN', 'Mijn BSN is 111222333', [['national-id', '111222333']]],
  ['PL PESEL', 'Mój PESEL: 44051401359', [['national-id', '44051401359']]],
  ['JP My Number', 'マイナンバーは1234 5678 9018です', [['national-id', '1234 5678 9018']]],
  ['CN resident id', '身份证号：11010519491231002X', [['national-id', '11010519491231002X']]],
  ['TR T.C. Kimlik No', 'TC kimlik numaram 10000000146', [['national-id', '10000000146']]],
  ['DE Personalausweis', 'Ausweisnummer T220001293', [['national-id', 'T220001293']]],
  ['generic "ID number" with a BSN checksum', 'ID number: 111222333', [['national-id', '111222333']]],
];

const ADDRESSES: Case[] = [
  ['de, with postal code and city', 'Lieferung an Hauptstraße 12, 10115 Berlin bitte', [['address', 'Hauptstraße 12, 10115 Berlin']]],
  ['de, abbreviated', 'Ich wohne Musterstr. 5a.', [['address', 'Musterstr. 5a']]],
  ['de, two words', 'Meine Adresse: Berliner Straße 12', [['address', 'Berliner Straße 12']]],
  ['fr', 'Envoyez au 12 rue de la Paix, 75002 Paris', [['address', '12 rue de la Paix, 75002 Paris']]],
  ['es, floor and door', 'Vivo en Calle Mayor 5, 3º B', [['address', 'Calle Mayor 5, 3º B']]],
  ['pt', 'Moro na Rua das Flores, 123', [['address', 'Rua das Flores, 123']]],
  ['pt-BR, abbreviated', 'Entregar na Av. Paulista, 1578', [['address', 'Av. Paulista, 1578']]],
  ['it', 'Abito in Via Roma 10, 00184 Roma', [['address', 'Via Roma 10, 00184 Roma']]],
  ['en', 'Ship it to 123 Main Street please', [['address', '123 Main Street']]],
  ['en-GB, with city and postcode', 'I live at 221B Baker St, London NW1 6XE', [['address', '221B Baker St, London NW1 6XE']]],
  ['nl', 'Mijn adres is Kerkstraat 14', [['address', 'Kerkstraat 14']]],
  ['pl', 'Adres: ul. Długa 5', [['address', 'ul. Długa 5']]],
  ['tr', 'Adresim Atatürk Caddesi No: 12', [['address', 'Atatürk Caddesi No: 12']]],
  ['ru', 'Адрес: ул. Ленина, д. 5, кв. 12', [['address', 'ул. Ленина, д. 5, кв. 12']]],
  ['ja, postal code and prefecture', '住所：〒100-0005 東京都千代田区丸の内1-2-3', [['address', '〒100-0005 東京都千代田区丸の内1-2-3']]],
  ['ja, city and ward', '住所は大阪市北区梅田1-1-1です', [['address', '大阪市北区梅田1-1-1']]],
  ['zh', '我住在北京市朝阳区建国路88号', [['address', '北京市朝阳区建国路88号']]],
  ['ko', '주소는 서울특별시 강남구 테헤란로 123 입니다', [['address', '서울특별시 강남구 테헤란로 123']]],
];

const IPS: Case[] = [
  ['IPv4', 'My IP is 192.168.1.10.', [['ip', '192.168.1.10']]],
  ['IPv4 in Japanese text', 'IPアドレスは203.0.113.7です', [['ip', '203.0.113.7']]],
  ['IPv6, compressed', 'Meine IPv6: 2001:db8::8a2e:370:7334', [['ip', '2001:db8::8a2e:370:7334']]],
  ['IPv6, full', 'IP 2001:0db8:85a3:0000:0000:8a2e:0370:7334', [['ip', '2001:0db8:85a3:0000:0000:8a2e:0370:7334']]],
];

describe('maskPersonalData: detects each kind, in the languages customers write in', () => {
  it.each(EMAILS)('e-mail: %s', (_what, text, expected) => expect(findings(text)).toEqual(expected));
  it.each(PHONES)('phone: %s', (_what, text, expected) => expect(findings(text)).toEqual(expected));
  it.each(BARE_PHONES)('phone after a phone word: %s', (_what, text, expected) => expect(findings(text)).toEqual(expected));
  it.each(CARDS)('card: %s', (_what, text, expected) => expect(findings(text)).toEqual(expected));
  it.each(IBANS)('IBAN %s, spaced, compact and in lower case', (iban) => {
    expect(findings(`IBAN: ${iban}, danke`)).toEqual([['iban', iban]]);
    const compact = iban.replaceAll(' ', '');
    expect(findings(`Konto ${compact}.`)).toEqual([['iban', compact]]);
    expect(findings(`iban ${compact.toLowerCase()}`)).toEqual([['iban', compact.toLowerCase()]]);
  });
  it.each(NATIONAL_IDS)('national id: %s', (_what, text, expected) => expect(findings(text)).toEqual(expected));
  it.each(ADDRESSES)('address: %s', (_what, text, expected) => expect(findings(text)).toEqual(expected));
  it.each(IPS)('ip: %s', (_what, text, expected) => expect(findings(text)).toEqual(expected));

  it('masks everything in one realistic message, numbering placeholders per kind', () => {
    const text =
      'Hallo, ich bin umgezogen: Hauptstraße 12, 10115 Berlin. Bitte schreiben Sie an lena.schmidt@example.de ' +
      'oder rufen Sie +49 151 23456789 an. Bezahlt mit 4111 1111 1111 1111, Erstattung bitte auf DE89 3704 0044 0532 0130 00. ' +
      'Mein Zweithandy: 0171 9876543, meine alte Mail: lena@example.org.';
    expect(maskPersonalData(text).masked).toBe(
      'Hallo, ich bin umgezogen: [ADDRESS_1]. Bitte schreiben Sie an [EMAIL_1] oder rufen Sie [PHONE_1] an. ' +
        'Bezahlt mit [CARD_1], Erstattung bitte auf [IBAN_1]. Mein Zweithandy: [PHONE_2], meine alte Mail: [EMAIL_2].',
    );
  });
});

describe('maskPersonalData: leaves what is not personal data as written', () => {
  const UNCHANGED = [
    // order and tracking numbers
    'Where is my order #40213?',
    'order 55781 has not arrived',
    'Meine Bestellung 40213 ist nicht angekommen, Bestellnummer 4021312.',
    'Mi pedido nº 123456 llegó roto.',
    'My order 1234567890 shipped with UPS 1Z999AA10123456784.',
    'Sendungsnummer JD014600004578451234',
    'Rastreio: LX123456789CN',
    '注文番号は1234567890です。',
    'Заказ № 12345678 от 25.11.2026',
    'Telefon oder Bestellnummer: 12345678',
    'Kundennummer: 0123 4567 89',
    'numéro de commande 06 12 34 56 78',
    '注文番号は090-1234-5678です',
    // prices, percentages, quantities
    'It cost €1.299,00, or $1,299.00, or 1 299,00 €, or ¥12,800.',
    'Le total était de 1\u202F299,00 €, remise 15 %.',
    'I need 3 pieces in size 42, 2 x 500 g, 15% off, 1 299 000 units in stock',
    'the total was 612 345 678 €',
    // dates and times
    'Delivered 2026-11-25, or was it 25.11.2026 or 11/25/2026 at 14:30?',
    'Am 25.11.2026 14:30 Uhr hat niemand geklingelt.',
    'Call me on 25.11.2026 please',
    // product codes, versions
    'Product SKU-1234-XL, ASIN B08N5WRWNW, EAN 4006381333931',
    'App version 1.2.3.4, v1.2.3.4, Chrome 120.0.6099.109',
    'Invalid IP 256.1.1.1 and 1.2.3.4.5',
    // words that look like addresses, e-mail mentions
    'I live near the main street.',
    'Ich wohne an der Hauptstraße.',
    'Sent via DHL 5 days ago, via Amazon in 3 days, via email.',
    'The Spring 2026 collection; route 66; cours 2 fois par semaine',
    'Parkplatz 5 ist frei, Zug auf Bahnsteig 3',
    'I have 1 Google Drive and 2 Fast Lane passes',
    'Thanks @john and @support.team!',
    // bare digit runs without a phone word
    '015123456789',
    'Reference 5551234567',
    // placeholders the customer typed themselves
    'I already sent [EMAIL_1] and PHONE_2 to you',
  ];
  it.each(UNCHANGED)('%s', (text) => {
    expect(maskPersonalData(text)).toEqual({ masked: text, found: [] });
  });
});

describe('maskPersonalData: checks check digits', () => {
  it.each([
    ['a card number failing Luhn', 'Karte 4111 1111 1111 1112'],
    ['a Luhn-valid number with no card network prefix', 'Code 8000 0000 0000 0002'],
    ['an IBAN with a wrong check', 'IBAN DE89 3704 0044 0532 0130 01'],
    ['an IBAN too short for its country', 'IBAN DE89 3704 0044 0532 0130 0'],
    ['a CPF with wrong check digits', 'Meu CPF é 123.456.789-00'],
    ['a CPF of one repeated digit', 'CPF 111.111.111-11'],
    ['a DNI with the wrong letter', 'Mi DNI es 12345678A'],
    ['a NIR with the wrong key', 'NIR 1 85 05 78 006 084 92'],
    ['an SSN in a range never issued', 'SSN 666-12-3456 or 900-12-3456 or 123-00-4567'],
    ['a BSN failing the 11-proof', 'BSN 123456789'],
    ['a PESEL with a wrong check digit', 'PESEL 44051401358'],
    ['a Chinese id with a wrong check character', '身份证号 110105194912310021'],
  ])('%s is not masked', (_what, text) => {
    expect(maskPersonalData(text).found).toEqual([]);
  });

  it('masks bare ids with a valid check only after a context word', () => {
    expect(findings('Bestellung 111222333')).toEqual([]);
    expect(findings('BSN 111222333')).toEqual([['national-id', '111222333']]);
    expect(findings('Nummer 52998224725')).toEqual([]);
    expect(findings('CPF 52998224725')).toEqual([['national-id', '52998224725']]);
    expect(findings('Referenz 44051401359')).toEqual([]);
    expect(findings('order ID 111222333')).toEqual([]);
  });
});

describe('maskPersonalData: placeholders', () => {
  it('gives the same value the same placeholder and lists every occurrence with its offsets in the original text', () => {
    const text = 'Write to a@example.com, not b@example.com. Again: a@example.com';
    const { masked, found } = maskPersonalData(text);
    expect(masked).toBe('Write to [EMAIL_1], not [EMAIL_2]. Again: [EMAIL_1]');
    expect(found.map((f) => f.placeholder)).toEqual(['[EMAIL_1]', '[EMAIL_2]', '[EMAIL_1]']);
    for (const finding of found) expect(text.slice(finding.start, finding.end)).toBe(finding.value);
  });

  it('numbers each kind on its own', () => {
    expect(maskPersonalData('a@example.com +49 151 23456789 b@example.com 192.168.0.1').masked).toBe('[EMAIL_1] [PHONE_1] [EMAIL_2] [IP_1]');
  });

  it('skips numbers the customer already wrote as placeholders, so a restore cannot confuse them', () => {
    const text = 'My template says [EMAIL_1] and PHONE_1; my real address is lena@example.de, phone +49 151 23456789';
    const { masked, found } = maskPersonalData(text);
    expect(masked).toBe('My template says [EMAIL_1] and PHONE_1; my real address is [EMAIL_2], phone [PHONE_2]');
    const answer = 'Mi plantilla dice [EMAIL_1] y PHONE_1; mi dirección real es [EMAIL_2], teléfono [PHONE_2]';
    const restored = restorePersonalData(answer, found);
    expect(restored.text).toBe('Mi plantilla dice [EMAIL_1] y PHONE_1; mi dirección real es lena@example.de, teléfono +49 151 23456789');
    // The customer's own tokens are left as written (and reported as not ours).
    expect(restored.problems.map((p) => p.kind)).toEqual(['unknown', 'unknown']);
  });

  it('never lets a finding cross a line break', () => {
    expect(findings('Hauptstraße 12\n10115 Berlin')).toEqual([['address', 'Hauptstraße 12']]);
    expect(findings('Telefon\n0151 23456789')).toEqual([['phone', '0151 23456789']]);
  });
});

describe('maskPersonalData: kinds option', () => {
  const text = 'Mail lena@example.de, call +49 151 23456789, card 4111 1111 1111 1111, IP 10.0.0.1';

  it('masks all kinds by default', () => {
    expect(findings(text).map(([kind]) => kind)).toEqual(['email', 'phone', 'card', 'ip']);
    expect(PERSONAL_DATA_KINDS).toEqual(['email', 'phone', 'card', 'iban', 'national-id', 'address', 'ip']);
  });

  it('masks only the kinds asked for', () => {
    expect(maskPersonalData(text, { kinds: ['phone', 'ip'] }).masked).toBe('Mail lena@example.de, call [PHONE_1], card 4111 1111 1111 1111, IP [IP_1]');
    expect(maskPersonalData(text, { kinds: [] })).toEqual({ masked: text, found: [] });
  });

  it('does not mask part of an unmasked kind as another kind', () => {
    // The card's digit groups are not taken for a phone number when only phones are masked.
    expect(findings('Karte 4111 1111 1111 1111', ['phone'])).toEqual([]);
    expect(findings('IBAN DE89 3704 0044 0532 0130 00', ['phone', 'card'])).toEqual([]);
  });
});

describe('restorePersonalData', () => {
  const ROUND_TRIP = [
    'Hallo, meine neue Adresse ist Hauptstraße 12, 10115 Berlin, Telefon 0151 23456789, Mail lena@example.de.',
    'Bom dia, meu CPF é 123.456.789-09 e meu celular +55 (11) 98765-4321. Rua das Flores, 123.',
    'ご住所：〒100-0005 東京都千代田区丸の内1-2-3、電話090-1234-5678、メールtaro@example.jp',
    'IBAN FR14 2004 1010 0505 0001 3M02 606, carte 4111 1111 1111 1111, IP 192.168.1.10, $1,299.00 paid.',
    'No personal data here, order #40213.',
  ];
  it.each(ROUND_TRIP)('gives the original back from the masked text: %s', (text) => {
    const { masked, found } = maskPersonalData(text);
    expect(restorePersonalData(masked, found)).toEqual({ text, problems: [] });
  });

  const { found } = maskPersonalData('Schreiben Sie an lena@example.de oder rufen Sie +49 151 23456789 an.');

  it('restores placeholders wherever the model moved them', () => {
    expect(restorePersonalData('Call [PHONE_1] or write to [EMAIL_1].', found)).toEqual({
      text: 'Call +49 151 23456789 or write to lena@example.de.',
      problems: [],
    });
  });

  it('reports a placeholder the model dropped as missing', () => {
    expect(restorePersonalData('Write to the address or call [PHONE_1].', found)).toEqual({
      text: 'Write to the address or call +49 151 23456789.',
      problems: [{ kind: 'missing', placeholder: '[EMAIL_1]' }],
    });
  });

  it.each(['[Email_1]', '[EMAIL 1]', '[E-MAIL_1]', 'EMAIL_1', '【EMAIL_1】', '[CORREO_1]', '[E-Mail-Adresse 1]', '[メール_1]', '[EMAIL_１]', '\\[EMAIL\\_1\\]'])(
    'restores an altered placeholder %s and reports it',
    (seen) => {
      expect(restorePersonalData(`Write to ${seen} or call [PHONE_1].`, found)).toEqual({
        text: 'Write to lena@example.de or call +49 151 23456789.',
        problems: [{ kind: 'altered', placeholder: '[EMAIL_1]', seen }],
      });
    },
  );

  it('restores a translated phone word and a "number" word only when it can mean one placeholder', () => {
    expect(restorePersonalData('[EMAIL_1], [TELÉFONO_1]', found).problems).toEqual([{ kind: 'altered', placeholder: '[PHONE_1]', seen: '[TELÉFONO_1]' }]);
    expect(restorePersonalData('[EMAIL_1], [電話_1]', found).text).toBe('lena@example.de, +49 151 23456789');
    expect(restorePersonalData('[EMAIL_1], [NÚMERO_1]', found).text).toBe('lena@example.de, +49 151 23456789');
    // With a phone AND a card numbered 1, "[NUMBER_1]" is ambiguous: left as written.
    const both = maskPersonalData('Tel +49 151 23456789, Karte 4111 1111 1111 1111').found;
    const ambiguous = restorePersonalData('[NUMBER_1] [CARD_1]', both);
    expect(ambiguous.text).toBe('[NUMBER_1] 4111 1111 1111 1111');
    expect(ambiguous.problems).toEqual([
      { kind: 'unknown', placeholder: '[NUMBER_1]', seen: '[NUMBER_1]' },
      { kind: 'missing', placeholder: '[PHONE_1]' },
    ]);
  });

  it('reports a placeholder the model repeated as duplicated', () => {
    expect(restorePersonalData('[EMAIL_1] [PHONE_1] [EMAIL_1]', found)).toEqual({
      text: 'lena@example.de +49 151 23456789 lena@example.de',
      problems: [{ kind: 'duplicated', placeholder: '[EMAIL_1]' }],
    });
    // Twice in the masked text, twice in the answer: fine.
    const twice = maskPersonalData('a@example.com or a@example.com').found;
    expect(restorePersonalData('[EMAIL_1], [EMAIL_1]', twice).problems).toEqual([]);
  });

  it('reports a placeholder the model invented as unknown and leaves it', () => {
    expect(restorePersonalData('[EMAIL_1] [PHONE_1] [PHONE_7] [IBAN_1]', found)).toEqual({
      text: 'lena@example.de +49 151 23456789 [PHONE_7] [IBAN_1]',
      problems: [
        { kind: 'unknown', placeholder: '[PHONE_7]', seen: '[PHONE_7]' },
        { kind: 'unknown', placeholder: '[IBAN_1]', seen: '[IBAN_1]' },
      ],
    });
  });

  it('takes no bracketed prose for a placeholder', () => {
    const plain = 'See [page 1], (card 1) and (Email 2) in chapter [1].';
    expect(restorePersonalData(plain, [])).toEqual({ text: plain, problems: [] });
  });

  it('puts values containing "$" back literally', () => {
    const { masked, found: dollars } = maskPersonalData('Mail john$doe@example.com');
    expect(restorePersonalData(masked, dollars).text).toBe('Mail john$doe@example.com');
  });
});

describe('maskPersonalData: speed', () => {
  it('masks a 500-character message in well under a millisecond on average', () => {
    const message = (
      'Hallo, ich bin umgezogen und wohne jetzt in der Hauptstraße 12, 10115 Berlin. Meine Bestellung #40213 vom 25.11.2026 ' +
      'ist nicht angekommen. Bitte rufen Sie mich unter +49 151 23456789 an oder schreiben Sie an lena.schmidt@example.de. Die ' +
      'Rechnung über 1.299,00 € habe ich mit der Karte 4111 1111 1111 1111 bezahlt, Erstattung bitte auf DE89 3704 0044 0532 0130 00. ' +
      'Sendungsnummer 1Z999AA10123456784, Größe 42, Farbe blau. Vielen Dank und freundliche Grüße, Lena Schmidt. ' +
      'P.S.: Meine IP war 192.168.1.10, falls das hilft.'
    ).slice(0, 500);
    expect(message.length).toBe(500);
    for (let i = 0; i < 50; i++) maskPersonalData(message); // warm up the regular expressions
    // Best of three batches, so a busy test machine does not make this flaky.
    const averages = [0, 1, 2].map(() => {
      const runs = 200;
      const start = performance.now();
      for (let i = 0; i < runs; i++) maskPersonalData(message);
      return (performance.now() - start) / runs;
    });
    expect(Math.min(...averages)).toBeLessThan(1);
  });

  it('has no catastrophic backtracking on hostile input', () => {
    const hostile = [
      'a.'.repeat(2_000) + '@',
      '1 '.repeat(2_000),
      '1-'.repeat(2_000) + 'x',
      'Aaaa '.repeat(1_000) + 'Straße',
      '[' + 'E'.repeat(5_000),
      '東京都' + '千'.repeat(4_000) + '1',
      ':'.repeat(4_000) + 'g',
    ];
    const start = performance.now();
    for (const text of hostile) maskPersonalData(text);
    expect(performance.now() - start).toBeLessThan(500);
  });
});
