import type { FormalityEvidence } from './address-rules';

/**
 * The fix offered when a reply uses the informal address in a formal market. Pronouns and
 * possessives map one to one (du → Sie, dein → Ihr, tu → vous, ton → votre); verbs agree with them
 * in German and French, where the common forms are handled ("du hast" → "Sie haben", "tu peux" →
 * "vous pouvez"). A rewritten text is offered only when every informal form found could be
 * rewritten; otherwise the fix lists the replacements and the agent adjusts the rest.
 */

export interface FormalRewrite {
  /** Word-level replacements for the forms found, e.g. [{from: "dein", to: "Ihr"}]. */
  replacements: Array<{ from: string; to: string }>;
  /** The whole reply with the formal address, when it could be made mechanically. */
  text: string | null;
}

const PRONOUNS: Record<string, Record<string, string>> = {
  de: {
    du: 'Sie', dich: 'Sie', dir: 'Ihnen', dein: 'Ihr', deine: 'Ihre', deinen: 'Ihren', deinem: 'Ihrem', deiner: 'Ihrer', deines: 'Ihres',
    euch: 'Ihnen', euer: 'Ihr', eure: 'Ihre', euren: 'Ihren', eurem: 'Ihrem', eurer: 'Ihrer', eures: 'Ihres',
  },
  fr: {
    tu: 'vous', te: 'vous', "t'": 'vous ', toi: 'vous', ton: 'votre', ta: 'votre', tes: 'vos',
    "n'hésite": "n'hésitez", 'dis-moi': 'dites-moi', 'dis-nous': 'dites-nous', 'envoie-moi': 'envoyez-moi', 'envoie-nous': 'envoyez-nous',
    'écris-nous': 'écrivez-nous', 'écris-moi': 'écrivez-moi', 'contacte-nous': 'contactez-nous',
  },
  es: { tú: 'usted', tu: 'su', tus: 'sus', te: 'le', ti: 'usted', contigo: 'con usted', vosotros: 'ustedes', os: 'les', vuestro: 'su', vuestra: 'su' },
  it: { tu: 'Lei', ti: 'Le', te: 'Lei', tuo: 'Suo', tua: 'Sua', tuoi: 'Suoi', tue: 'Sue' },
  nl: { jij: 'u', je: 'u / uw', jou: 'u', jouw: 'uw' },
  pt: { tu: 'o senhor / a senhora', te: 'lhe', ti: 'si', teu: 'seu', tua: 'sua', teus: 'seus', tuas: 'suas', você: 'o senhor / a senhora' },
  pl: { ty: 'Pan / Pani', ciebie: 'Pana / Panią', cię: 'Pana / Panią', ci: 'Panu / Pani', tobie: 'Panu / Pani', twój: 'Pana / Pani', twoja: 'Pana / Pani', twoje: 'Pana / Pani' },
  ru: { ты: 'Вы', тебя: 'Вас', тебе: 'Вам', тобой: 'Вами', твой: 'Ваш', твоя: 'Ваша', твоё: 'Ваше', твое: 'Ваше', твои: 'Ваши', твоего: 'Вашего', твоей: 'Вашей', твоему: 'Вашему', твоим: 'Вашим', твоих: 'Ваших', твою: 'Вашу', привет: 'Здравствуйте' },
  tr: { sen: 'siz', seni: 'sizi', sana: 'size', senin: 'sizin', sende: 'sizde', senden: 'sizden', seninle: 'sizinle', selam: 'Merhaba' },
  zh: { 你: '您' },
};

/** German second-person singular → the form that goes with "Sie". */
const DE_VERBS: Record<string, string> = {
  hast: 'haben', bist: 'sind', kannst: 'können', musst: 'müssen', willst: 'wollen', wirst: 'werden', darfst: 'dürfen', sollst: 'sollen',
  möchtest: 'möchten', hättest: 'hätten', wärst: 'wären', würdest: 'würden', weißt: 'wissen', erhältst: 'erhalten', siehst: 'sehen',
  gibst: 'geben', nimmst: 'nehmen', liest: 'lesen', fährst: 'fahren', hattest: 'hatten', warst: 'waren', konntest: 'konnten',
};

function germanVerb(verb: string): string | null {
  const lower = verb.toLowerCase();
  const known = DE_VERBS[lower];
  const formal = known ?? (lower.endsWith('est') ? `${lower.slice(0, -3)}en` : lower.endsWith('st') ? `${lower.slice(0, -2)}en` : null);
  if (!formal) return null;
  return verb[0] === verb[0]!.toUpperCase() ? formal[0]!.toUpperCase() + formal.slice(1) : formal;
}

/** French "tu" verb → the "vous" form: the common irregular ones, then -es/-as → -ez. */
const FR_VERBS: Record<string, string> = {
  peux: 'pouvez', as: 'avez', es: 'êtes', veux: 'voulez', dois: 'devez', vas: 'allez', fais: 'faites', sais: 'savez', dis: 'dites',
  vois: 'voyez', reçois: 'recevez', prends: 'prenez', viens: 'venez', mets: 'mettez', pourras: 'pourrez', recevras: 'recevrez',
  auras: 'aurez', seras: 'serez', hésite: 'hésitez', envoie: 'envoyez', contacte: 'contactez', écris: 'écrivez',
};

function frenchVerb(verb: string): string | null {
  const lower = verb.toLowerCase();
  const known = FR_VERBS[lower];
  if (known) return known;
  if (/(?:es|as)$/u.test(lower)) return `${lower.slice(0, -2)}ez`;
  if (/er$/u.test(lower)) return null;
  if (/e$/u.test(lower)) return `${lower}z`;
  return null;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

const WORD_AFTER = /^(\s+)([\p{L}]+)/u;
const WORD_BEFORE = /([\p{L}]+)(\s+|-)$/u;

function matchCase(original: string, replacement: string): string {
  // Sentence-initial "Tu" → "Vous"; German's polite forms keep their own capital.
  return original[0] !== original[0]!.toLowerCase() && replacement[0] === replacement[0]!.toLowerCase()
    ? replacement[0]!.toUpperCase() + replacement.slice(1)
    : replacement;
}

/** Verb agreement next to the subject pronoun; null when the verb cannot be rewritten. */
function verbEdits(language: string, text: string, item: FormalityEvidence): Edit[] | null {
  const form = item.form.toLowerCase();
  const isSubject = (language === 'de' && form === 'du') || (language === 'fr' && form === 'tu');
  if (!isSubject) return [];
  const conjugate = language === 'de' ? germanVerb : frenchVerb;
  const after = WORD_AFTER.exec(text.slice(item.end));
  const before = WORD_BEFORE.exec(text.slice(0, item.start));
  // "du hast" / "tu peux": the verb follows; "hast du" / "peux-tu": it comes first.
  const following = after && conjugate(after[2]!);
  if (after && following && (language === 'fr' || after[2]!.toLowerCase().endsWith('st'))) {
    const start = item.end + after[1]!.length;
    return [{ start, end: start + after[2]!.length, text: following }];
  }
  const preceding = before && conjugate(before[1]!);
  if (before && preceding && (language === 'fr' || before[1]!.toLowerCase().endsWith('st'))) {
    const start = item.start - before[0].length;
    return [{ start, end: start + before[1]!.length, text: matchCase(before[1]!, preceding) }];
  }
  return null;
}

export function formalRewrite(text: string, language: string, informal: readonly FormalityEvidence[]): FormalRewrite {
  const pronouns = PRONOUNS[language] ?? {};
  const replacements: Array<{ from: string; to: string }> = [];
  const edits: Edit[] = [];
  let complete = language === 'de' || language === 'fr';
  for (const item of informal) {
    const form = item.form.toLowerCase();
    const to = pronouns[form];
    if (to && !replacements.some((r) => r.from.toLowerCase() === form)) replacements.push({ from: item.form, to: to.trim() });
    if (!to || to.includes('/')) {
      complete = false;
      continue;
    }
    const verbs = verbEdits(language, text, item);
    if (verbs === null || (language === 'de' && form === 'dich')) {
      // "dich" may be reflexive ("melde dich" → "melden Sie sich"): left to the agent.
      complete = false;
      continue;
    }
    edits.push({ start: item.start, end: item.end, text: language === 'de' ? to : matchCase(item.form, to) }, ...verbs);
  }
  if (!complete || edits.length === 0) return { replacements, text: null };
  let rewritten = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    rewritten = rewritten.slice(0, edit.start) + edit.text + rewritten.slice(edit.end);
  }
  return { replacements, text: rewritten.replace(/vous {2}/gu, 'vous ') };
}
