import type { ReplyToken } from './reply-tokens';

/**
 * Second-person forms in the European languages with a formal and an informal "you", read from
 * the words of a reply. Each rule gives evidence with a weight: 2 for a form that cannot mean
 * anything else ("du", "vous", "usted", "jij"), 1 for one that usually addresses the reader in a
 * support reply but could be third person ("su pedido", sentence-initial "Sie haben").
 */

export type Register = 'formal' | 'informal';

export interface FormalityEvidence {
  register: Register;
  /** The words as written: "du", "Ihnen", "o senhor". */
  form: string;
  weight: number;
  start: number;
  end: number;
}

export interface RuleContext {
  text: string;
  tokens: readonly ReplyToken[];
}

export type AddressRules = (context: RuleContext) => FormalityEvidence[];

const set = (...words: string[]) => new Set(words);

function evidence(register: Register, weight: number, from: ReplyToken, to: ReplyToken = from, text?: string): FormalityEvidence {
  return { register, weight, form: text ?? from.text, start: from.start, end: to.end };
}

function span(context: RuleContext, from: ReplyToken, to: ReplyToken): string {
  return context.text.slice(from.start, to.end);
}

/** The character right before/after a token (an apostrophe or hyphen changes what a word is). */
const before = (context: RuleContext, token: ReplyToken) => context.text[token.start - 1] ?? '';
const after = (context: RuleContext, token: ReplyToken) => context.text[token.end] ?? '';
const APOSTROPHE = /['’]/u;

/** Simple per-word lists: every occurrence (any case) is evidence. */
function listed(context: RuleContext, words: ReadonlySet<string>, register: Register, weight: number): FormalityEvidence[] {
  return context.tokens.filter((t) => words.has(t.lower)).map((t) => evidence(register, weight, t));
}

// ---------------------------------------------------------------------------------------------
// German

const DE_INFORMAL = set('du', 'dich', 'dir', 'dein', 'deine', 'deinen', 'deinem', 'deiner', 'deines', 'euch', 'euer', 'eure', 'euren', 'eurem', 'eurer', 'eures');
/** Second person plural verbs: "ihr" next to one is "you all", not "her"/"their". */
const DE_PLURAL_2 = set('habt', 'seid', 'könnt', 'müsst', 'wollt', 'sollt', 'dürft', 'werdet', 'wisst', 'möchtet', 'würdet', 'hättet', 'wärt', 'wart', 'hattet', 'bekommt', 'erhaltet', 'braucht');
/** Informal imperatives common in support replies ("Gib mir Bescheid", "Schau mal"). */
const DE_INFORMAL_IMPERATIVE = set('gib', 'schau', 'schreib', 'schick', 'sag', 'meld', 'ruf', 'lies', 'nimm', 'probier', 'klick');
const DE_FORMAL_POSSESSIVE = set('ihre', 'ihren', 'ihrem', 'ihrer', 'ihres');
/** "Sie hat / ist / kann…" at a sentence start is "she": a singular verb. */
const DE_SINGULAR_VERB = set('hat', 'ist', 'kann', 'wird', 'war', 'muss', 'soll', 'darf', 'will', 'möchte', 'wurde', 'hatte', 'lag', 'liegt', 'kam', 'kommt', 'geht', 'ging');
/** Plural verbs after "Sie" that are rarely "they" in a reply: passives and states of things are. */
const DE_THING_PLURAL = set('wurden', 'waren', 'lagen', 'kamen', 'gingen');

const germanRules: AddressRules = (context) => {
  const { tokens } = context;
  const found = listed(context, DE_INFORMAL, 'informal', 2);
  tokens.forEach((token, index) => {
    const next = tokens[index + 1];
    const previous = tokens[index - 1];
    if (token.lower === 'ihr' && ((next && DE_PLURAL_2.has(next.lower)) || (previous && DE_PLURAL_2.has(previous.lower)))) {
      found.push(evidence('informal', 2, token));
      return;
    }
    if (DE_INFORMAL_IMPERATIVE.has(token.lower) && token.sentenceStart) {
      found.push(evidence('informal', 1, token));
      return;
    }
    // Lower-case sie/ihnen/ihr are "she", "they", "them", "her": never the polite form.
    if (!token.capitalised) return;
    const lower = token.lower;
    if (lower !== 'sie' && lower !== 'ihnen' && lower !== 'ihr' && !DE_FORMAL_POSSESSIVE.has(lower)) return;
    if (!token.sentenceStart) {
      found.push(evidence('formal', 2, token));
      return;
    }
    // At a sentence start capitals say nothing: read the next word.
    if (lower === 'ihnen' || DE_FORMAL_POSSESSIVE.has(lower)) {
      found.push(evidence('formal', lower === 'ihnen' ? 2 : 1, token));
    } else if (lower === 'ihr') {
      if (next && next.capitalised) found.push(evidence('formal', 1, token));
    } else if (next && !DE_SINGULAR_VERB.has(next.lower) && !DE_THING_PLURAL.has(next.lower) && /(?:en|sind)$/u.test(next.lower)) {
      // "Sie haben", "Sie erhalten", "Sie können": the polite "you" far more often than "they" in a reply.
      found.push(evidence('formal', 1, token, next, span(context, token, next)));
    }
  });
  return found;
};

// ---------------------------------------------------------------------------------------------
// French

const FR_INFORMAL = set('tu', 'te', 'toi', 'ta', 'tes', 'tienne', 'tiennes');
const FR_FORMAL = set('vous', 'votre', 'vos', 'vôtre', 'vôtres');
/** "ton" is also the noun "tone": only without an article or determiner before it. */
const FR_DETERMINERS = set('le', 'du', 'au', 'un', 'ce', 'mon', 'son', 'leur', 'quel', 'même', 'bon', 'de');
/** Words ending in -ez that are not verbs. */
const FR_NOT_VERBS_EZ = set('chez', 'assez', 'nez', 'rez');

const frenchRules: AddressRules = (context) => {
  const { tokens } = context;
  const found: FormalityEvidence[] = [];
  tokens.forEach((token, index) => {
    const lower = token.lower;
    const previous = tokens[index - 1];
    const hyphenBefore = before(context, token) === '-';
    if (lower === 't' && APOSTROPHE.test(after(context, token))) {
      // "t'envoie", "t'as"; not the euphonic "-t-" of "a-t-il".
      if (!hyphenBefore) found.push({ ...evidence('informal', 2, token, token, `t'`), end: token.end + 1 });
    } else if (FR_INFORMAL.has(lower)) {
      found.push(evidence('informal', 2, token));
    } else if (lower === 'ton' && !(previous && FR_DETERMINERS.has(previous.lower))) {
      found.push(evidence('informal', 2, token));
    } else if (FR_FORMAL.has(lower)) {
      found.push(evidence('formal', 2, token));
    } else if (lower === 'hésite' && previous?.lower === 'n') {
      found.push(evidence('informal', 2, previous, token, span(context, previous, token)));
    } else if ((lower === 'moi' || lower === 'nous') && hyphenBefore && previous) {
      // Imperative with a pronoun: "envoyez-moi" (vous) or "envoie-moi", "dis-moi" (tu).
      const register: Register = previous.lower.endsWith('ez') ? 'formal' : 'informal';
      found.push(evidence(register, 2, previous, token, span(context, previous, token)));
    } else if (lower.endsWith('ez') && lower.length > 4 && !FR_NOT_VERBS_EZ.has(lower) && !/-$/u.test(after(context, token))) {
      found.push(evidence('formal', 1, token));
    }
  });
  return found;
};

// ---------------------------------------------------------------------------------------------
// Spanish

const ES_INFORMAL = set('tú', 'ti', 'contigo', 'te', 'tu', 'tus', 'vosotros', 'vosotras', 'os', 'vuestro', 'vuestra', 'vuestros', 'vuestras');
const ES_INFORMAL_VERBS = set(
  'puedes', 'tienes', 'quieres', 'necesitas', 'prefieres', 'has', 'estás', 'eres', 'sabes', 'debes', 'deseas', 'podrás', 'tendrás',
  'recibirás', 'quieras', 'puedas', 'tengas', 'necesites', 'prefieras', 'podéis', 'tenéis', 'queréis', 'habéis', 'estáis', 'sois',
  'escríbenos', 'escríbeme', 'mándanos', 'mándame', 'envíanos', 'envíame', 'avísanos', 'avísame', 'indícanos', 'indícame',
  'contáctanos', 'cuéntanos', 'cuéntame', 'dime', 'dinos', 'confírmanos', 'confírmame', 'perdona', 'llámanos', 'déjanos', 'revisa',
  'comprueba', 'mira',
);
const ES_FORMAL_VERBS = set(
  'escríbanos', 'escríbame', 'mándenos', 'envíenos', 'envíeme', 'avísenos', 'indíquenos', 'contáctenos', 'cuéntenos', 'dígame',
  'díganos', 'confírmenos', 'perdone', 'disculpe', 'llámenos', 'déjenos', 'permítame', 'póngase', 'revise', 'compruebe', 'tenga', 'dude',
);
/** Past and future second-person endings, minus nouns that end the same way. */
const ES_NOT_VERBS = set('triste', 'chiste', 'contraste', 'desgaste', 'quiste', 'alpiste', 'atrás', 'detrás', 'además', 'jamás', 'demás');
/** Third-person modals that address the reader when they open a sentence ("¿Podría enviarnos…?"). */
const ES_FORMAL_MODALS = set('puede', 'podría', 'desea', 'necesita', 'quiere', 'prefiere', 'debe', 'ha', 'tiene');
/** Things that belong to the customer: "su pedido" is "your order", "su sistema" is the carrier's. */
const ES_CUSTOMER_NOUNS = set(
  'pedido', 'pedidos', 'compra', 'compras', 'paquete', 'paquetes', 'cuenta', 'correo', 'dirección', 'tarjeta', 'reembolso', 'envío',
  'número', 'pago', 'factura', 'consulta', 'mensaje', 'paciencia', 'caso', 'devolución', 'solicitud', 'disposición', 'talla',
  'producto', 'productos', 'artículo', 'artículos', 'buzón', 'comprensión', 'confianza', 'domicilio', 'cambio', 'nombre', 'teléfono',
);

const spanishRules: AddressRules = (context) => {
  const { tokens } = context;
  const found: FormalityEvidence[] = [];
  tokens.forEach((token, index) => {
    const lower = token.lower;
    const next = tokens[index + 1];
    const previous = tokens[index - 1];
    if (ES_INFORMAL.has(lower) || ES_INFORMAL_VERBS.has(lower)) {
      found.push(evidence('informal', 2, token));
    } else if (!ES_NOT_VERBS.has(lower) && lower.length > 5 && /(?:aste|iste|rás)$/u.test(lower)) {
      found.push(evidence('informal', 2, token));
    } else if (lower === 'usted' || lower === 'ustedes') {
      found.push(evidence('formal', 2, token));
    } else if (ES_FORMAL_VERBS.has(lower)) {
      found.push(evidence('formal', lower === 'tenga' || lower === 'dude' || lower === 'revise' ? 1 : 2, token));
    } else if ((lower === 'su' || lower === 'sus') && next && ES_CUSTOMER_NOUNS.has(next.lower)) {
      found.push(evidence('formal', 1, token, next, span(context, token, next)));
    } else if ((lower === 'le' || lower === 'les') && next && /(?:mos|hemos|haremos)$/u.test(next.lower)) {
      // "le enviamos", "le hemos reembolsado": we do something for you.
      found.push(evidence('formal', 1, token, next, span(context, token, next)));
    } else if (ES_FORMAL_MODALS.has(lower) && token.sentenceStart) {
      found.push(evidence('formal', 1, token));
    } else if ((lower === 'desea' || lower === 'necesita' || lower === 'prefiere') && (previous?.lower === 'si' || previous?.lower === 'lo')) {
      found.push(evidence('formal', 1, token));
    }
  });
  return found;
};

// ---------------------------------------------------------------------------------------------
// Portuguese

export type PortugueseVariant = 'pt-BR' | 'pt-PT' | 'pt';

const PT_INFORMAL = set('tu', 'te', 'ti', 'contigo', 'teu', 'tua', 'teus', 'tuas', 'vós', 'vosso', 'vossa');
const PT_INFORMAL_VERBS = set(
  'podes', 'tens', 'queres', 'recebes', 'estás', 'és', 'precisas', 'preferes', 'sabes', 'deves', 'vais', 'fica', 'envia', 'manda',
  'diz', 'escreve', 'contacta', 'liga', 'avisa', 'informa', 'confirma',
);
const PT_NOT_VERBS = set('este', 'teste', 'leste', 'nordeste', 'sudeste', 'celeste', 'peste', 'veste', 'contraste', 'desgaste', 'agreste', 'haste');
const PT_SENHOR = set('senhor', 'senhora', 'senhores', 'senhoras');
const PT_ARTICLES = set('o', 'a', 'os', 'as', 'ao', 'à', 'aos', 'às', 'do', 'da', 'dos', 'das', 'pelo', 'pela', 'no', 'na');
const PT_POSSESSIVE_3 = set('seu', 'sua', 'seus', 'suas');
const PT_FORMAL_MODALS = set('pode', 'poderia', 'deseja', 'queira', 'prefere', 'precisa');
/** Third-person subjunctive after "nos"/"me" ("que nos envie"): Portugal's polite request. */
const PT_SUBJUNCTIVE = set('envie', 'indique', 'confirme', 'mande', 'informe', 'contacte', 'escreva', 'diga', 'faça', 'ligue', 'avise');

/**
 * Portuguese, by variant (a documented choice):
 * - "tu"/"te"/"teu" and their verb forms are informal everywhere;
 * - "o senhor/a senhora" is formal everywhere;
 * - "você" and "seu/sua" are the standard, neutral address in Brazil (pt-BR): neither formal nor
 *   informal, so a Brazilian "você" reply passes a formal market and an informal one;
 * - in Portugal (pt-PT) "você" is not the polite form (it can sound blunt) and counts as informal,
 *   while third-person address ("Pode enviar-nos…", "a sua encomenda") counts as formal;
 * - without a variant ("pt"), "você" and "seu" count as nothing.
 */
export function portugueseRules(variant: PortugueseVariant): AddressRules {
  return (context) => {
    const { tokens } = context;
    const found: FormalityEvidence[] = [];
    tokens.forEach((token, index) => {
      const lower = token.lower;
      const previous = tokens[index - 1];
      const hyphenAfter = after(context, token) === '-';
      if (PT_INFORMAL.has(lower)) {
        found.push(evidence('informal', 2, token));
      } else if (PT_INFORMAL_VERBS.has(lower) && (lower.length > 4 || token.sentenceStart || hyphenAfter)) {
        // Short forms ("diz", "liga", "fica") only where they are imperatives; long ones ("podes") always.
        found.push(evidence('informal', lower.length > 4 && !hyphenAfter && !token.sentenceStart ? 2 : 1, token));
      } else if (!PT_NOT_VERBS.has(lower) && lower.length > 5 && /(?:aste|este|iste)$/u.test(lower)) {
        found.push(evidence('informal', 2, token));
      } else if (PT_SENHOR.has(lower) && previous && PT_ARTICLES.has(previous.lower)) {
        found.push(evidence('formal', 2, previous, token, span(context, previous, token)));
      } else if (lower === 'você' || lower === 'vocês') {
        if (variant === 'pt-PT') found.push(evidence('informal', 1, token));
      } else if (variant === 'pt-PT' && PT_POSSESSIVE_3.has(lower)) {
        found.push(evidence('formal', 1, token));
      } else if (variant === 'pt-PT' && PT_FORMAL_MODALS.has(lower) && token.sentenceStart) {
        found.push(evidence('formal', 1, token));
      } else if (variant === 'pt-PT' && (lower === 'preferir' || lower === 'desejar' || lower === 'precisar') && previous?.lower === 'se') {
        found.push(evidence('formal', 1, previous, token, span(context, previous, token)));
      } else if (variant === 'pt-PT' && PT_SUBJUNCTIVE.has(lower) && (previous?.lower === 'nos' || previous?.lower === 'me' || hyphenAfter)) {
        found.push(evidence('formal', 1, token));
      }
    });
    return found;
  };
}

// ---------------------------------------------------------------------------------------------
// Italian

const IT_INFORMAL = set('tu', 'ti', 'te', 'tuo', 'tua', 'tuoi', 'tue', 'teco');
const IT_INFORMAL_VERBS = set(
  'puoi', 'hai', 'sei', 'vuoi', 'devi', 'riceverai', 'potrai', 'avrai', 'sarai', 'preferisci', 'fammi', 'scrivimi', 'scrivici',
  'mandaci', 'mandami', 'contattaci', 'dimmi', 'inviaci', 'chiamaci', 'avvisaci', 'facci', 'dacci', 'esitare', 'controlla', 'verifica',
);
/** Third-person subjunctives after "ci"/"mi"/"non": the formal imperative ("ci scriva", "non esiti"). */
const IT_FORMAL_SUBJUNCTIVE = set('scriva', 'mandi', 'contatti', 'faccia', 'invii', 'dica', 'chiami', 'avvisi', 'verifichi', 'controlli', 'esiti');
const IT_FORMAL_CAPITALISED = set('lei', 'le', 'la', 'suo', 'sua', 'suoi', 'sue');
const IT_FORMAL_MODALS = set('può', 'potrebbe', 'desidera', 'ha', 'vuole', 'preferisce');
const IT_CUSTOMER_NOUNS = set(
  'ordine', 'ordini', 'pacco', 'rimborso', 'account', 'indirizzo', 'carta', 'messaggio', 'pazienza', 'richiesta', 'disposizione',
  'acquisto', 'reso', 'conto', 'numero', 'fattura', 'comprensione',
);
const FIRST_PLURAL = /(?:iamo|emo|abbiamo|avremo)$/u;

const italianRules: AddressRules = (context) => {
  const { tokens } = context;
  const found: FormalityEvidence[] = [];
  tokens.forEach((token, index) => {
    const lower = token.lower;
    const next = tokens[index + 1];
    const previous = tokens[index - 1];
    if (IT_INFORMAL.has(lower)) {
      found.push(evidence('informal', 2, token));
    } else if (IT_INFORMAL_VERBS.has(lower)) {
      // "non esitare" is informal; a bare "esitare" is a verb like any other.
      if (lower !== 'esitare' || previous?.lower === 'non') found.push(evidence('informal', 2, token));
    } else if ((lower === 'scusa' || lower === 'ciao') && token.sentenceStart) {
      // An informal apology or greeting opening the reply.
      found.push(evidence('informal', 1, token));
    } else if (IT_FORMAL_SUBJUNCTIVE.has(lower) && (previous?.lower === 'ci' || previous?.lower === 'mi' || previous?.lower === 'non')) {
      found.push(evidence('formal', 2, previous!, token, span(context, previous!, token)));
    } else if (IT_FORMAL_CAPITALISED.has(lower) && token.capitalised) {
      if (!token.sentenceStart) {
        // Mid-sentence capitals: the courtesy forms ("grazie per il Suo messaggio", "Le abbiamo…").
        found.push(evidence('formal', 2, token));
      } else if ((lower === 'la' || lower === 'le') && next && FIRST_PLURAL.test(next.lower)) {
        found.push(evidence('formal', 2, token, next, span(context, token, next)));
      } else if (lower === 'lei' && next && !next.capitalised) {
        found.push(evidence('formal', 1, token));
      }
    } else if ((lower === 'la' || lower === 'le') && next && FIRST_PLURAL.test(next.lower)) {
      // Lower-case courtesy forms are common too: "le invieremo", "la ringraziamo".
      found.push(evidence('formal', 1, token, next, span(context, token, next)));
    } else if ((lower === 'suo' || lower === 'sua' || lower === 'suoi' || lower === 'sue') && next && IT_CUSTOMER_NOUNS.has(next.lower)) {
      found.push(evidence('formal', 1, token, next, span(context, token, next)));
    } else if (IT_FORMAL_MODALS.has(lower) && (token.sentenceStart || previous?.lower === 'se')) {
      found.push(evidence('formal', 1, token));
    } else if ((lower === 'può' || lower === 'potrebbe') && next && /(?:ci|mi)$/u.test(next.lower) && /(?:are|ere|ire)(?:ci|mi)$/u.test(next.lower)) {
      found.push(evidence('formal', 1, token, next, span(context, token, next)));
    }
  });
  return found;
};

// ---------------------------------------------------------------------------------------------
// Dutch

const NL_INFORMAL = set('jij', 'je', 'jou', 'jouw', 'jouwe', 'joh');
const NL_FORMAL = set('u', 'uw', 'uwe');

/** Imperatives opening a sentence; with "even"/"maar" after them ("Stuur ons even…") they are casual. */
const NL_IMPERATIVE = set('stuur', 'laat', 'geef', 'kijk', 'check', 'probeer', 'bel', 'mail', 'klik', 'app');
const NL_CASUAL_SOFTENER = set('even', 'maar', 'effe');

const dutchRules: AddressRules = (context) => {
  const { tokens } = context;
  const found: FormalityEvidence[] = [];
  tokens.forEach((token, index) => {
    if (NL_INFORMAL.has(token.lower)) found.push(evidence('informal', 2, token));
    else if (token.lower === 'jullie') found.push(evidence('informal', 1, token));
    // "U-profiel", "u-bocht": a letter, not the pronoun.
    else if (NL_FORMAL.has(token.lower) && after(context, token) !== '-') found.push(evidence('formal', 2, token));
    else if (token.sentenceStart && NL_IMPERATIVE.has(token.lower)) {
      // The imperative is both registers' ("Neem contact met ons op"); "even"/"maar" make it casual.
      const following = tokens.slice(index + 1, index + 4);
      const nextSentence = following.findIndex((t) => t.sentenceStart);
      const softener = following.slice(0, nextSentence < 0 ? following.length : nextSentence).find((t) => NL_CASUAL_SOFTENER.has(t.lower));
      if (softener) found.push(evidence('informal', 1, token, softener, span(context, token, softener)));
    }
  });
  return found;
};

// ---------------------------------------------------------------------------------------------
// Polish

const PL_INFORMAL = set(
  'ty', 'ciebie', 'cię', 'tobie', 'tobą', 'twój', 'twoja', 'twoje', 'twojego', 'twojej', 'twojemu', 'twoim', 'twoją', 'twoich', 'twoimi',
  'wy', 'wasz', 'wasza', 'wasze', 'waszego', 'waszej', 'wam', 'was',
);
/** Imperatives and short present forms the ending rule below does not reach ("masz", "jesteś"). */
const PL_INFORMAL_VERBS = set('masz', 'jesteś', 'sprawdź', 'napisz', 'wyślij', 'daj', 'zrób', 'podaj', 'skontaktuj', 'zadzwoń', 'kliknij', 'prześlij', 'poczekaj', 'zobacz', 'dzięki');
const PL_FORMAL = set('pan', 'pani', 'pana', 'panu', 'panem', 'panią', 'państwo', 'państwa', 'państwu', 'państwem', 'panie', 'panowie', 'paniom');
const PL_PREPOSITIONS = set('z', 'ze', 'od', 'na', 'w', 'we', 'do', 'u', 'przy', 'po');
/** Words that end like second-person verbs but are not. */
const PL_NOT_VERBS = set('nasz', 'kosz', 'grosz', 'też', 'już');
const PL_SECOND_PERSON = /(?:esz|isz|ysz|asz|łeś|łaś|eś)$/u;

const polishRules: AddressRules = (context) => {
  const { tokens } = context;
  const found: FormalityEvidence[] = [];
  tokens.forEach((token, index) => {
    const lower = token.lower;
    const next = tokens[index + 1];
    if (PL_INFORMAL.has(lower)) {
      found.push(evidence('informal', lower.startsWith('wa') || lower === 'wy' || lower === 'wam' ? 1 : 2, token));
    } else if (lower === 'ci') {
      // "wysyłamy ci" (to you); "Ci kurierzy" at a sentence start is "those couriers".
      if (!token.sentenceStart) found.push(evidence('informal', 2, token));
    } else if (PL_INFORMAL_VERBS.has(lower)) {
      found.push(evidence('informal', 2, token));
    } else if (!PL_NOT_VERBS.has(lower) && lower.length > 4 && PL_SECOND_PERSON.test(lower)) {
      found.push(evidence('informal', 2, token));
    } else if (PL_FORMAL.has(lower) && token.capitalised) {
      if (!token.sentenceStart) found.push(evidence('formal', 2, token));
      // "Pani z poczty" at a sentence start is "the lady from the post office".
      else if (!(next && PL_PREPOSITIONS.has(next.lower))) found.push(evidence('formal', 1, token));
    } else if (lower === 'szanowny' || lower === 'szanowna' || lower === 'szanowni') {
      found.push(evidence('formal', 2, token));
    }
  });
  return found;
};

// ---------------------------------------------------------------------------------------------
// Russian

const RU_INFORMAL = set('ты', 'тебя', 'тебе', 'тобой', 'тобою', 'твой', 'твоя', 'твоё', 'твое', 'твои', 'твоего', 'твоей', 'твоему', 'твоим', 'твоих', 'твоими', 'твою', 'привет');
const RU_INFORMAL_IMPERATIVE = set('напиши', 'пиши', 'сообщи', 'проверь', 'пришли', 'отправь', 'извини', 'подожди', 'посмотри', 'скажи', 'дай', 'позвони', 'зайди', 'нажми', 'прости');
const RU_FORMAL = set('вы', 'вас', 'вам', 'вами', 'ваш', 'ваша', 'ваше', 'ваши', 'вашего', 'вашей', 'вашему', 'вашим', 'ваших', 'вашу', 'вашими', 'здравствуйте');
const RU_FORMAL_VERBS = set('можете', 'хотите', 'получите', 'сможете', 'желаете', 'напишите', 'пишите', 'сообщите', 'проверьте', 'пришлите', 'отправьте', 'извините', 'подождите', 'посмотрите', 'скажите', 'позвоните', 'нажмите', 'простите');
const RU_NOT_VERBS = set('мышь', 'тишь', 'глушь', 'вошь', 'лишь', 'ишь');

/**
 * A question opening with a past-tense verb and no subject asks the reader: "Получил письмо?"
 * (singular: ты) against "Получили письмо?" (plural: вы).
 */
function russianSubjectlessQuestion(context: RuleContext, token: ReplyToken): FormalityEvidence | null {
  if (!token.sentenceStart || !/(?:л|ла|ли)$/u.test(token.lower) || token.lower.length < 5) return null;
  const rest = context.text.slice(token.end);
  const sentenceEnd = rest.search(/[.!?\n]/u);
  if (sentenceEnd < 0 || rest[sentenceEnd] !== '?') return null;
  return evidence(token.lower.endsWith('ли') ? 'formal' : 'informal', 1, token);
}

const russianRules: AddressRules = (context) => {
  const found: FormalityEvidence[] = [];
  for (const token of context.tokens) {
    const lower = token.lower;
    const question = russianSubjectlessQuestion(context, token);
    if (question) found.push(question);
    if (RU_INFORMAL.has(lower) || RU_INFORMAL_IMPERATIVE.has(lower)) found.push(evidence('informal', lower === 'привет' ? 1 : 2, token));
    else if (!RU_NOT_VERBS.has(lower) && lower.length > 4 && /(?:ешь|ёшь|ишь)$/u.test(lower)) found.push(evidence('informal', 2, token));
    else if (RU_FORMAL.has(lower)) found.push(evidence('formal', lower === 'здравствуйте' ? 1 : 2, token));
    else if (RU_FORMAL_VERBS.has(lower)) found.push(evidence('formal', 1, token));
  }
  return found;
};

// ---------------------------------------------------------------------------------------------
// Turkish (tokens lower-cased with the Turkish locale: İ → i, I → ı)

const TR_INFORMAL = set('sen', 'seni', 'sana', 'senin', 'sende', 'senden', 'seninle', 'sence', 'selam');
const TR_FORMAL = set('siz', 'sizi', 'size', 'sizin', 'sizden', 'sizinle', 'sizce', 'hanım', 'bey', 'sayın');
const TR_INFORMAL_IMPERATIVE = set(
  'yaz', 'gönder', 'bekle', 'bak', 'söyle', 'dene', 'ara', 'tıkla', 'yolla', 'güncelle', 'doldur', 'sakla', 'ekle', 'seç', 'indir', 'paylaş',
);
const TR_FORMAL_IMPERATIVE = set('geçin', 'gönderin', 'yazın', 'bekleyin', 'deneyin', 'söyleyin', 'bakın', 'edin', 'tıklayın', 'arayın', 'iletin', 'çekinmeyin', 'bakmayın', 'yollayın');
/** Verb + second person singular: "-yorsun", "-ebilirsin", "-eceksin", "-melisin", "haklısın". */
const TR_INFORMAL_SUFFIX = /(?:yor|bilir|acak|ecek|malı|meli|[ıiuü]r|ar|er|lı|li|lu|lü)s[ıiuü]n$/u;
/** Past tense, second person singular ("aldın", "gönderdin"), minus nouns ending the same way. */
const TR_PAST_2SG = /[dt][ıiuü]n$/u;
const TR_NOT_PAST = set('kadın', 'altın', 'odun', 'bütün', 'aydın', 'dün', 'yadın');
/** Second person plural: verbs ("-siniz") and possessives ("siparişiniz", "hesabınıza"). */
const TR_FORMAL_SUFFIX = /(?:s[ıiuü]n[ıiuü]z|n[ıiuü]z)(?:[ıiuü]|[ae]|d[ae]|t[ae]|d[ae]n|t[ae]n|l[ae]|[ıiuü]n)?$/u;
const TR_NOT_FORMAL = set('deniz', 'yalnız', 'henüz', 'domuz', 'biz');
const TR_QUESTION = set('mı', 'mi', 'mu', 'mü');
/** The question particle with the second person singular: "gönderebilir misin?", "memnun musun?". */
const TR_QUESTION_2SG = set('mısın', 'misin', 'musun', 'müsün');

/**
 * What a support reply says the customer has, as the stem a suffix attaches to ("hesap" →
 * "hesab-ın", "talep" → "taleb-in"): with the second person singular possessive these are
 * "your account", "your request" ("hesabına", "talebin", "paran", "şifreni").
 */
const TR_CUSTOMER_CONSONANT_STEMS = [
  'sipariş', 'hesab', 'taleb', 'mesaj', 'adres', 'ürün', 'kart', 'sepet', 'kupon', 'paket', 'kimliğ', 'üyeliğ', 'aboneliğ', 'şikayet',
  'tutar', 'sabr', 'ism', 'telefon', 'mail', 'bedel', 'beden', 'cihaz', 'teslimat', 'isteğ', 'kayd',
];
const TR_CUSTOMER_VOWEL_STEMS = ['para', 'numara', 'şifre', 'fatura', 'bilgi', 'kargo', 'iade', 'ödeme', 'posta', 'bakiye', 'hediye', 'randevu'];
/** Case endings after the possessive: accusative, dative, locative, ablative, with, genitive, "-daki". */
const TR_CASE = '(?:[ıiuü]|[ae]|d[ae]|d[ae]n|l[ae]|[ıiuü]n|d[ae]ki)?';
const TR_POSSESSIVE_2SG_CONSONANT = new RegExp(`^(?:${TR_CUSTOMER_CONSONANT_STEMS.join('|')})(?:l[ae]r)?([ıiuü]n)(${TR_CASE})$`, 'u');
const TR_POSSESSIVE_2SG_VOWEL = new RegExp(`^(?:${TR_CUSTOMER_VOWEL_STEMS.join('|')})(l[ae]r[ıiuü]n|n)(${TR_CASE})$`, 'u');
/**
 * A noun possessed by the word before it ("ürünün rengi", "paketin üzerindeki", "siparişlerin
 * hepsi"): that word is a genitive ("the product's"), not "your product".
 */
const TR_POSSESSED = /(?:[ıiuü]|s?[ıiuü]n(?:[ıiuü]|[ae]|d[ae]|d[ae]n|l[ae]|d[ae]ki))$/u;
/** Words ending in a vowel like a possessed noun that are not: adjectives, adverbs, past tense ("yansıdı"). */
const TR_NOT_POSSESSED = set('ayrı', 'yeni', 'iyi', 'eski', 'doğru', 'hazır', 'için', 'gibi', 'ile', 'bir', 'biri');
/** Participles with the second person singular: "aldığın ürün", "göreceğin", "yaşadığında". */
const TR_PARTICIPLE_2SG = /(?:[dt][ıiuü]ğ|[ae]c[ae]ğ)[ıiuü]n(?:[ıiuü]|[ae]|d[ae]|d[ae]n)?$/u;
/** Verbal noun with the second person singular before "gerek"/"lazım": "doldurman gerekiyor". */
const TR_VERBAL_NOUN_2SG = /m[ae]n[ae]?$/u;
const TR_NOT_VERBAL_NOUN = set('zaman', 'zamana', 'hemen', 'uzman', 'eleman', 'öğretmen', 'yönetmen', 'orman', 'liman', 'düşman', 'roman', 'duman');
/** Second person plural imperatives: negative "-mayın" anywhere, vowel stems "-(y)in" at a clause end. */
const TR_FORMAL_NEGATIVE_IMPERATIVE = /m[ae]y[ıiuü]n$/u;
const TR_FORMAL_Y_IMPERATIVE = /y[ıiuü]n$/u;
const TR_NOT_IMPERATIVE = set('oyun', 'koyun', 'boyun', 'huyun', 'yayın', 'kayın', 'soyun', 'doyun', 'ayın', 'kıyın');

function turkishPossessive2sg(lower: string, next: ReplyToken | undefined): number | null {
  const vowel = TR_POSSESSIVE_2SG_VOWEL.exec(lower);
  const consonant = vowel ? null : TR_POSSESSIVE_2SG_CONSONANT.exec(lower);
  const match = vowel ?? consonant;
  if (!match) return null;
  const caseEnding = match[2] ?? '';
  // Bare or genitive ("mesajın", "paranın"): the genitive of a noun is spelt the same; a possessed
  // noun after it ("ürünün rengi") makes it one.
  const genitiveLike = caseEnding === '' || /^[ıiuü]n$/u.test(caseEnding);
  if (genitiveLike && next && TR_POSSESSED.test(next.lower) && !TR_NOT_POSSESSED.has(next.lower) && !/[dt][ıiuü]$/u.test(next.lower)) return null;
  // A vowel stem + "n" is only "your" ("numaranı", "şifreni"; "its" is "numarasını"); after a consonant,
  // or in the plural, "your" and "its" are spelt the same ("hesabına", "bilgilerini").
  return vowel && match[1] === 'n' && !/^[ıiuü]n$/u.test(caseEnding) ? 2 : 1;
}

const turkishRules: AddressRules = (context) => {
  const { tokens, text } = context;
  const found: FormalityEvidence[] = [];
  const saysPlease = tokens.some((t) => t.lower === 'lütfen');
  tokens.forEach((token, index) => {
    const lower = token.lower;
    const next = tokens[index + 1];
    const previous = tokens[index - 1];
    // An imperative ends its clause: "bize yaz.", "bir fotoğraf gönder, hemen bakalım".
    const clauseEnds = !next || next.sentenceStart || /^[^\p{L}]*[.!?,;]/u.test(text.slice(token.end, token.end + 3));
    const sentenceEnds = !next || next.sentenceStart;
    const possessive = turkishPossessive2sg(lower, next);
    if (TR_INFORMAL.has(lower) || (lower === 'kusura' && next?.lower === 'bakma')) {
      found.push(evidence('informal', lower === 'selam' ? 1 : 2, token));
    } else if (TR_FORMAL.has(lower) || TR_FORMAL_IMPERATIVE.has(lower)) {
      found.push(evidence('formal', lower === 'hanım' || lower === 'bey' ? 1 : 2, token));
    } else if (TR_QUESTION_2SG.has(lower)) {
      found.push(evidence('informal', 2, token));
    } else if (lower.length > 5 && TR_INFORMAL_SUFFIX.test(lower)) {
      found.push(evidence('informal', 2, token));
    } else if (!TR_NOT_FORMAL.has(lower) && lower.length > 4 && TR_FORMAL_SUFFIX.test(lower)) {
      found.push(evidence('formal', 2, token));
    } else if (lower.length > 3 && !TR_NOT_PAST.has(lower) && TR_PAST_2SG.test(lower) && next && TR_QUESTION.has(next.lower)) {
      found.push(evidence('informal', 2, token));
    } else if (possessive !== null) {
      found.push(evidence('informal', possessive, token));
    } else if (lower.length > 5 && TR_PARTICIPLE_2SG.test(lower) && !(previous && /n[ıiuü]n$/u.test(previous.lower))) {
      // "Kuryenin bıraktığını" is the courier's: a genitive before it is the owner.
      found.push(evidence('informal', /[ıiuü]n$/u.test(lower) ? 2 : 1, token));
    } else if (lower.length > 4 && TR_VERBAL_NOUN_2SG.test(lower) && !TR_NOT_VERBAL_NOUN.has(lower) && next && (next.lower.startsWith('gerek') || next.lower === 'lazım')) {
      found.push(evidence('informal', 2, token));
    } else if (lower.length > 5 && TR_FORMAL_NEGATIVE_IMPERATIVE.test(lower)) {
      found.push(evidence('formal', 2, token));
    } else if (lower.length > 5 && clauseEnds && TR_FORMAL_Y_IMPERATIVE.test(lower) && !TR_NOT_IMPERATIVE.has(lower)) {
      found.push(evidence('formal', 1, token));
    } else if (saysPlease && sentenceEnds && lower.length > 4 && /[ıiuü]n$/u.test(lower) && !/(?:[dt]|s)[ıiuü]n$/u.test(lower) && !TR_NOT_IMPERATIVE.has(lower)) {
      // "Lütfen formu doldurun.": a verb ends the sentence; with "lütfen" it is a request to "siz".
      found.push(evidence('formal', 1, token));
    } else if (TR_INFORMAL_IMPERATIVE.has(lower) && clauseEnds && previous?.lower !== 'göz') {
      found.push(evidence('informal', 1, token));
    }
  });
  return found;
};

export const ADDRESS_RULES = {
  de: germanRules,
  fr: frenchRules,
  es: spanishRules,
  it: italianRules,
  nl: dutchRules,
  pl: polishRules,
  ru: russianRules,
  tr: turkishRules,
} as const;

