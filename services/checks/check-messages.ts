/**
 * Every sentence the checks show, in one place. A result carries its message key and parameters
 * (so the side panel can localise it later through locales/*.json) and the English text made from
 * them here.
 */

export type MessageParams = Record<string, string | number>;

const MESSAGES = {
  // Formality
  'formality.pass': (p) => `The reply addresses the customer ${p.register === 'formal' ? 'formally' : 'informally'}, as this market asks.`,
  'formality.neutral': () => 'The reply does not address the customer directly: nothing to check.',
  'formality.unsupported': (p) => `Formality is not checked for ${p.language}.`,
  'formality.informal-in-formal': (p) => `This market uses the formal address, but the reply uses informal forms: ${p.forms}.`,
  'formality.formal-in-informal': (p) => `This market uses the informal address, but the reply uses formal forms: ${p.forms}.`,
  'formality.fix-replace': (p) => `Use the formal forms: ${p.replacements}. Check the verbs agree.`,
  'formality.fix-describe': (p) => `Rewrite the reply with the ${p.register} address (for example with "Rewrite: ${p.register === 'formal' ? 'formal' : 'friendlier'}").`,
  // Emoji
  'emoji.pass': () => 'No emoji.',
  'emoji.allowed': () => 'Emoji are allowed in this market.',
  'emoji.found': (p) => `This market does not use emoji, and the reply has ${p.emoji}.`,
  'emoji.fix': () => 'Remove the emoji.',
  // Banned phrases
  'banned.pass': () => 'No banned phrase.',
  'banned.found': (p) => `The reply contains "${p.phrase}", which this market does not allow${p.reason ? `: ${p.reason}` : '.'}`,
  'banned.fix-instead': (p) => `Write "${p.instead}" instead.`,
  'banned.fix-remove': (p) => `Remove or rephrase "${p.phrase}".`,
  // Required phrases
  'required.pass': () => 'Every required phrase is there.',
  'required.missing': (p) => `The reply must contain "${p.phrase}"${p.trigger ? ` when it mentions "${p.trigger}"` : ''}.`,
  'required.fix': (p) => `Add "${p.phrase}" at the end.`,
  // Glossary
  'glossary.pass': () => 'Glossary terms are kept.',
  'glossary.no-source': () => 'Glossary not checked: there is no draft to compare with.',
  'glossary.term-changed': (p) => `"${p.term}" must stay exactly as written, but the translation does not have it.`,
  'glossary.term-fix': (p) => `Put "${p.term}" back, unchanged.`,
  'glossary.preferred-missing': (p) => `"${p.source}" should be translated as "${p.target}", which the translation does not use.`,
  'glossary.preferred-fix': (p) => `Use "${p.target}" for "${p.source}".`,
  // Meaning
  'meaning.pass': () => 'Numbers, dates, ids, links and negations match the draft.',
  'meaning.no-source': () => 'Meaning not checked: there is no draft to compare with.',
  'meaning.changed': (p) => `${p.label} changed: the draft says ${p.expected}, the translation says ${p.found}.`,
  'meaning.missing': (p) => `${p.label} missing: the draft says ${p.expected}, the translation does not.`,
  'meaning.added': (p) => `${p.label} added: the translation says ${p.found}, the draft does not.`,
  'meaning.negation-lost': (p) => `A negation was lost: the draft negates ${p.expected} statement(s) ("${p.markers}"), the translation ${p.found}.`,
  'meaning.negation-added': (p) => `A negation was added: the draft negates ${p.expected} statement(s), the translation ${p.found} ("${p.markers}").`,
  'meaning.fix': () => 'Correct the translation, or write the draft again and translate it once more.',
} satisfies Record<string, (params: MessageParams) => string>;

export type MessageKey = keyof typeof MESSAGES;

export function checkMessage(key: MessageKey, params: MessageParams = {}): string {
  return MESSAGES[key](params);
}
