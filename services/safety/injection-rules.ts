/**
 * The phrase rules of `detectInjection`, by reason and language. They run on folded text
 * (fold-text.ts): lower case, no Latin accents ("precedentes"), ё → е, Arabic without vowel marks
 * and with plain alef, straight quotes, NFKC (fullwidth colon → ":"). So rules are written in lower
 * case (checked when they are built) and need no `i` flag, which keeps them fast on long messages.
 *
 * Precision comes first: a support message ("please ignore my previous message", "the instructions
 * in the box were missing", "you are now my favourite shop") must not match. So the rules need the
 * words that only make sense aimed at a model: instructions/rules/prompt *and* previous/above/system
 * for overrides, an AI role (assistant, AI, bot, DAN, developer mode…) for role changes, a prompt
 * or hidden/system instructions for leaks, and for instructions about the reply either a quoted
 * text to output or a message that addresses the AI.
 */
import type { InjectionReason } from './detect-injection';

export interface RuleContext {
  /** The folded text. */
  text: string;
  /** Whether the message speaks to an AI ("Dear AI,", "if you are a language model", "ChatGPT, …"); memoised. */
  addressesAi(): boolean;
}

export interface InjectionRule {
  reason: InjectionReason;
  /** Languages the rule is written for (documentation; "*" for language-neutral syntax). */
  lang: string;
  /** Global, so every match can be offered to `accept`. */
  pattern: RegExp;
  /**
   * The match must start a word. Checked in code rather than with a leading lookbehind, which would
   * be tried at every position of the text and stop the engine from scanning for the first word.
   */
  wordStart?: boolean;
  /** The rule only counts when this holds for the whole message. */
  when?: (context: RuleContext) => boolean;
  /** A match only counts when this holds (e.g. the line after "System:" is an instruction). */
  accept?: (match: RegExpExecArray, context: RuleContext) => boolean;
}

/** Start and end of a word (JavaScript's \b knows only ASCII letters). */
const B = String.raw`(?<![\p{L}\p{N}_])`;
const E = String.raw`(?![\p{L}\p{N}_])`;
/** An opening quote (after folding, curly quotes are straight). */
const Q = String.raw`["'«»„「『]`;
/** Comparisons: "you are now really like a robot" is a complaint, not a role. */
const COMPARISON = String.raw`(?:like|wie|comme|como|come|zoals|jak|gibi|как|als|acting|behaving)`;
/** Up to n words (a word may end in an apostrophe: "un'IA"), none of them a comparison. */
const words = (n: number) => String.raw`(?:(?!${COMPARISON}\s)[\p{L}\p{N}.-]+(?:\s+|')){0,${n}}?`;
/** Up to n characters within one sentence. */
const sameSentence = (n: number) => String.raw`[^.!?。！？\n]{0,${n}}?`;
/** Start of a line or of a sentence (spaces, not line breaks, after it: "\s*" here made blank lines quadratic). */
const SENTENCE_START = String.raw`(?:^|[\n.!?。！？:])[ \t]*`;

/** Rules read lower-case text: an upper-case letter in a rule (outside escapes like \\p{L} or \\S) could never match. */
function assertLowerCase(source: string): string {
  const literal = source.replace(/\\[pP]\{[^}]*\}|\\[A-Za-z]/g, '');
  if (/\p{Lu}/u.test(literal)) throw new Error(`injection rule has upper-case letters: ${source.slice(0, 80)}`);
  return source;
}
const rx = (source: string) => new RegExp(assertLowerCase(source), 'gu');
const rxLines = (source: string) => new RegExp(assertLowerCase(source), 'gmu');

function rules(reason: InjectionReason, lang: string, sources: string[], extra: Partial<InjectionRule> = {}): InjectionRule[] {
  return sources.map((source) => {
    const wordStart = source.startsWith(B);
    return { reason, lang, pattern: rx(wordStart ? source.slice(B.length) : source), wordStart, ...extra };
  });
}

// ————————————————————————————————————————————————————————————————————————————————
// AI roles: what "you are now …", "act as …", "pretend to be …" must name to be a role change.
// ————————————————————————————————————————————————————————————————————————————————

const AI_NAMES = String.raw`(?:chatgpt|chat\s*gpt|gpt(?:-?\d[\w.]*)?|claude|gemini|copilot|llama|llm|dan|a\.i\.|ai)`;

const AI_ROLE = {
  en: String.raw`(?:${AI_NAMES}|assistant|chat-?bot|bot|robot|(?:large\s+)?language\s+model|(?:developer|god|admin|debug|jailbreak|unrestricted|unfiltered|dan)\s+mode|jailbroken|unrestricted|unfiltered|uncensored|unbound|unshackled|(?:free|freed)\s+(?:from|of)\s+(?:all\s+|any\s+|your\s+)?(?:restrictions|rules|limits|limitations|filters|guidelines|censorship|constraints|programming|openai)|(?:not|no\s+longer)\s+bound|without\s+(?:any\s+)?(?:restrictions|rules|limits|limitations|filters|guidelines|censorship|morals|ethics)|persona|different\s+(?:ai|model|assistant|entity)|evil\s+(?:ai|assistant|bot)|rogue)`,
  de: String.raw`(?:${AI_NAMES}|ki|k\.i\.|kunstliche\s+intelligenz|assistent(?:in)?|chatbot|bot|roboter|sprachmodell|entwicklermodus|uneingeschrankt\p{L}*|ungefiltert\p{L}*|unzensiert\p{L}*|ohne\s+(?:jegliche\s+|irgendwelche\s+)?(?:einschrankungen|regeln|filter|grenzen|zensur))`,
  fr: String.raw`(?:${AI_NAMES}|ia|i\.a\.|intelligence\s+artificielle|assistant(?:e)?|chatbot|bot|robot|modele(?:\s+de\s+langage)?|mode\s+developpeur|sans\s+(?:aucune\s+)?(?:restrictions?|limites?|filtres?|regles|censure))`,
  es: String.raw`(?:${AI_NAMES}|ia|i\.a\.|inteligencia\s+artificial|asistente|chatbot|bot|robot|modelo(?:\s+de\s+lenguaje)?|modo\s+(?:de\s+)?desarrollador|sin\s+(?:ninguna\s+)?(?:restricciones|limites|filtros|reglas|censura))`,
  pt: String.raw`(?:${AI_NAMES}|ia|i\.a\.|inteligencia\s+artificial|assistente|chatbot|bot|robo|modelo(?:\s+de\s+linguagem)?|modo\s+(?:de\s+)?desenvolvedor|sem\s+(?:nenhuma\s+)?(?:restricoes|limites|filtros|regras|censura))`,
  it: String.raw`(?:${AI_NAMES}|ia|i\.a\.|intelligenza\s+artificiale|assistente|chatbot|bot|robot|modello(?:\s+linguistico)?|modalita\s+sviluppatore|senza\s+(?:alcuna\s+)?(?:restrizioni|limiti|filtri|regole|censura))`,
  nl: String.raw`(?:${AI_NAMES}|kunstmatige\s+intelligentie|assistent|chatbot|bot|robot|taalmodel|ontwikkelaarsmodus|zonder\s+(?:enige\s+)?(?:beperkingen|regels|filters|censuur))`,
  pl: String.raw`(?:${AI_NAMES}|si|sztuczn\p{L}*\s+inteligencj\p{L}*|asystent\p{L}*|chatbot\p{L}*|bot\p{L}*|robot\p{L}*|model\p{L}*\s+jezykow\p{L}*|tryb\p{L}*\s+(?:dewelopera|deweloperski\p{L}*|programisty)|bez\s+(?:zadnych\s+)?(?:ograniczen|zasad|filtrow|cenzury))`,
  tr: String.raw`(?:${AI_NAMES}|yapay\s+zeka|asistan|sohbet\s+botu|chatbot|bot|robot|dil\s+modeli|gelistirici\s+modu|k[ıi]s[ıi]tlamas[ıi]z|filtresiz|sansursuz)`,
  ru: String.raw`(?:${AI_NAMES}|ии|искусственн\p{L}*\s+интеллект\p{L}*|ассистент\p{L}*|помощник\p{L}*|чат-?бот\p{L}*|бот\p{L}*|робот\p{L}*|нейросет\p{L}*|языков\p{L}*\s+модел\p{L}*|режим\p{L}*\s+разработчика|без\s+(?:каких-либо\s+|всяких\s+|любых\s+)?(?:ограничений|правил|фильтров|цензуры))`,
  ja: String.raw`(?:ai|chatgpt|gpt|dan|アシスタント|ボット|チャットボット|ロボット|言語モデル|人工知能|開発者モード|制限のない|制限なし|無制限|フィルターなし|検閲なし)`,
  zh: String.raw`(?:ai|chatgpt|gpt|dan|人工智能|助手|助理|机器人|機器人|语言模型|語言模型|开发者模式|開發者模式|开发人员模式|不受(?:任何)?限制|没有(?:任何)?限制|沒有(?:任何)?限制|无限制|無限制)`,
  ko: String.raw`(?:ai|chatgpt|gpt|dan|인공지능|어시스턴트|비서|챗봇|봇|로봇|언어\s*모델|개발자\s*모드|제한\s*(?:이\s*)?없는|필터\s*없는|검열\s*없는)`,
  ar: String.raw`(?:${AI_NAMES}|ذكاء\s+اصطناعي\p{L}*|مساعد\p{L}*|روبوت\p{L}*|بوت|شات\s*بوت|نموذج\s+لغوي|وضع\s+المطور|بلا\s+قيود|بدون\s+(?:اي\s+)?قيود|دون\s+قيود)`,
  he: String.raw`(?:${AI_NAMES}|בינה\s+מלאכותית|עוזר|בוט|צ'אטבוט|מודל\s+שפה|ללא\s+הגבלות)`,
};

// ————————————————————————————————————————————————————————————————————————————————
// override-instructions
// ————————————————————————————————————————————————————————————————————————————————

/**
 * Customers correct their own earlier instructions ("ignore the previous instructions I gave about
 * delivery") or someone else's ("ignore the previous instructions from your colleague").
 */
const NOT_THE_CUSTOMERS_OWN = String.raw`(?!\s+(?:that\s+|which\s+)?(?:i|we)\s+(?:gave|sent|wrote|left|provided|made|added|mentioned))(?!\s+(?:about|regarding|re|for|on)\s+(?:the\s+|my\s+|our\s+)?(?:delivery|shipping|address|order|parcel|package|return|payment|pickup|collection))(?!\s+(?:from|by|of|on|in)\s+(?:your|the|my|our|that)\s+(?:colleague|agent|support|team|staff|manager|courier|driver|website|site|page|app|email|e-mail|shop|store|company|manual|box|label|package|leaflet|seller|invoice|account|card))(?![^.!?\n]{0,60}(?:policy|policies|warranty|terms\s+and\s+conditions))`;

/** "New instructions: leave the parcel with the neighbour" is a customer's own delivery instruction. */
const NOT_ABOUT_DELIVERY = String.raw`(?![^\n]{0,100}?(?:deliver|leave\s+(?:it|the)|parcel|package|door|neighbou?r|address|courier|driver|doorbell|pick\s*-?up|liefer|nachbar|paket|haustur|adresse|abgeben|klingel|livr|voisin|colis|porte|deposer|entreg|vecin|paquete|puerta|direccion|vizinh|pacote|encomenda|porta|endereco|consegn|vicin|pacco|indirizzo|bezorg|buren|pakket|deur|adres|dostaw|dostarcz|sasiad|paczk|drzwi|teslim|komsu|kap[ıi]|достав|сосед|посылк|двер|адрес|配達|住所|玄関|置き配|快递|快遞|送货|送貨|地址|门口|門口|배송|택배|주소|문앞|توصيل|الجيران|الطرد|العنوان|الباب))`;

/**
 * The same, in the other languages: "die vorherigen Anweisungen zur Lieferung", "les instructions
 * précédentes pour la livraison", "de vorige instructies van mij".
 */
const NEXT_NOT_ABOUT_DELIVERY = String.raw`${E}(?![\s,]+(?:van\s+mij|die\s+ik|von\s+mir|die\s+ich|de\s+ma\s+part|qu'?\s*(?:on\s+)?(?:j'ai|je\s+(?:vous\s+)?ai)|de\s+mi\s+parte|que\s+(?:le\s+|les\s+|eu\s+)?(?:di|dei|envie|enviei|mande|mandei|deje|deixei)|che\s+(?:vi\s+|ti\s+)?ho\s+(?:dato|inviato|scritto|lasciato)|ktore\s+(?:\p{L}+\s+)?(?:dalem|dalam|podalem|podalam|wyslalem|wyslalam)|которые\s+я|что\s+я))(?![\s,]+(?:[\p{L}']+\s+){0,2}?(?:liefer\p{L}*|adresse|bestellung|paket|zustellung|livraison|commande|colis|entrega|direccion|pedido|paquete|envio|endereco|encomenda|consegna|indirizzo|ordine|pacco|spedizione|bezorg\p{L}*|levering|adres|bestelling|pakket|dostaw\p{L}*|zamowieni\p{L}*|paczk\p{L}*|teslimat\p{L}*|siparis\p{L}*|kargo\p{L}*|достав\p{L}*|адрес\p{L}*|заказ\p{L}*|посылк\p{L}*))`;

const EN_IGNORE = String.raw`(?:ignore|disregard|forget|override|overrule|bypass|discard|neglect|abandon|set\s+aside|throw\s+out|pay\s+no\s+attention\s+to|do\s+not\s+follow|don'?t\s+follow|stop\s+following|no\s+longer\s+follow)`;
const EN_EARLIER = String.raw`(?:previous|prior|above|preceding|earlier|initial|original|foregoing|system|developer|preset|pre-set|hidden|safety)`;
const EN_INSTRUCTIONS = String.raw`(?:instructions?|rules?|prompts?|directives?|guidelines?|guidance|programming|context|system\s+prompts?|system\s+messages?|commands?)`;

const OVERRIDE: InjectionRule[] = [
  ...rules('override-instructions', 'en', [
    String.raw`${B}${EN_IGNORE}\s+(?:(?:all|any|every|each|the|your|these|those|of|everything|anything)\s+){0,3}${EN_EARLIER}\s+(?:(?:system|developer|safety|ai|chat|model)\s+)?${EN_INSTRUCTIONS}${E}${NOT_THE_CUSTOMERS_OWN}`,
    String.raw`${B}(?:ignore|disregard|forget|override|bypass)\s+(?:all\s+(?:of\s+)?)?your\s+(?:(?:previous|prior|original|initial|current|system|existing|safety)\s+)?(?:instructions|programming|system\s+prompt|prompt|guidelines|directives|training)${E}`,
    String.raw`${B}(?:ignore|disregard)\s+all\s+(?:(?:the|of\s+the|other)\s+)?(?:instructions|rules|prompts|directives|guidelines)${E}${NOT_THE_CUSTOMERS_OWN}`,
    String.raw`${B}${EN_IGNORE}\s+(?:all\s+(?:of\s+)?)?(?:the|your|any)\s+(?:instructions|rules|prompts?|directives|guidelines)\s+(?:above|before\s+this|(?:that\s+)?you\s+(?:were|have\s+been|'ve\s+been)\s+given)${E}`,
    String.raw`${B}forget\s+(?:everything|all(?:\s+of\s+it)?|what)\s+(?:that\s+)?you(?:\s+were|\s+have\s+been|'ve\s+been|\s+got)\s+(?:told|taught|instructed|given|programmed|trained)${E}`,
    String.raw`${B}forget\s+everything\s+you\s+(?:know|learned|learnt)${E}(?!\s+about)`,
    String.raw`${SENTENCE_START}(?:your\s+)?(?:new|updated|real|actual|true|revised)\s+(?:system\s+)?(?:instructions|directives|system\s+prompt)\s*(?::|are\s*:)${NOT_ABOUT_DELIVERY}`,
    String.raw`${B}your\s+(?:new|real|actual|true)\s+(?:instructions|rules|task|directives)\s+(?:are|is)\s*(?::|as\s+follows|to\s+\p{L}|${Q})`,
    String.raw`${B}(?:from\s+now\s+on|from\s+this\s+(?:point|moment)\s+(?:on|forward)|henceforth|starting\s+now)\s*,?\s+you\s+(?:will|are\s+going\s+to|must|shall|should|have\s+to|'ll|are\s+to)\s+(?:only\s+|always\s+|now\s+)?(?:act|behave|pretend|ignore|disregard|obey|roleplay|role-play|comply|(?:respond|reply|answer|translate|output|speak|say)\s+(?:only|with|as|exclusively|solely|everything|every|always))${E}`,
    String.raw`${B}(?:your|the|all|any)\s+(?:previous|prior|original|initial|earlier|old|above|system)\s+(?:instructions|rules|prompts?|directives|guidelines)\s+(?:are|have\s+been|were|is)\s+(?:now\s+)?(?:void|cancell?ed|revoked|overridden|replaced|invalid|obsolete|null|lifted|disabled|deleted|removed|suspended|no\s+longer\s+(?:valid|apply|applicable|in\s+effect))${E}`,
  ]),
  ...rules('override-instructions', 'de', [
    String.raw`${B}(?:ignorier(?:e|en|t)?|vergiss|vergesst|vergessen|missachte(?:n|t)?|verwirf|verwerfen|ubergeh(?:e|en)?|befolge\s+nicht)(?:\s+sie)?\s+(?:(?:alle|samtliche|die|deine|ihre|jegliche|diese|bisherigen)\s+){0,3}(?:vorherige[nmrs]?|vorige[nmrs]?|bisherige[nmrs]?|obige[nmrs]?|vorangegangene[nmrs]?|vorhergehende[nmrs]?|fruhere[nmrs]?|ursprungliche[nmrs]?|alte[nmrs]?|oben\s+genannte[nmrs]?)\s+(?:anweisungen|anweisung|instruktionen|befehle|regeln|vorgaben|anordnungen|richtlinien|prompts?|systemanweisungen|einschrankungen)${E}${NEXT_NOT_ABOUT_DELIVERY}`,
    String.raw`${B}(?:ignorier(?:e|en)?|vergiss|vergessen|missachte(?:n)?)(?:\s+sie)?\s+(?:alle\s+)?(?:deine|ihre)\s+(?:systemanweisungen|system-?prompts?|programmierung|anweisungen|regeln|vorgaben)${E}`,
    String.raw`${B}(?:alle|samtliche|die|deine|ihre)\s+(?:vorherigen|vorigen|bisherigen|obigen|fruheren|ursprunglichen)\s+(?:anweisungen|instruktionen|befehle|regeln|vorgaben|prompts)\s+(?:\p{L}+\s+){0,3}?(?:ignorieren|vergessen|missachten|sind\s+(?:ab\s+sofort\s+|jetzt\s+|nun\s+)?(?:ungultig|aufgehoben|hinfallig|nichtig))${E}`,
    String.raw`${B}vergiss\s+alles\s*,?\s+(?:was\s+(?:man\s+)?dir\s+(?:\p{L}+\s+){0,2}?(?:gesagt|beigebracht|vorgegeben|aufgetragen|befohlen)|bisherige|vorherige)${E}`,
    String.raw`${SENTENCE_START}(?:deine\s+)?neue\s+(?:anweisungen|instruktionen|regeln|systemanweisungen)\s*:${NOT_ABOUT_DELIVERY}`,
    String.raw`${B}(?:ab\s+(?:jetzt|sofort)|von\s+nun\s+an)\s*,?\s+(?:(?:wirst|sollst|musst)\s+du\s+(?:\p{L}+\s+){0,3}?(?:ignorieren|befolgen|gehorchen|so\s+tun|agieren|nur\s+(?:noch\s+)?(?:mit|antworten))|(?:ignorierst|befolgst|gehorchst|verhaltst|agierst)\s+du|antwortest\s+du\s+nur)${E}`,
  ]),
  ...rules('override-instructions', 'fr', [
    String.raw`${B}(?<!j')(?:ignore[sz]?|oublie[sz]?|neglige[sz]?|outrepasse[sz]?|ne\s+(?:tiens|tenez)\s+pas\s+compte\s+d[eu]s?|(?:fais|faites)\s+abstraction\s+d[eu]s?|(?:fais|faites)\s+fi\s+d[eu]s?|ne\s+(?:suis|suivez)\s+plus|n'(?:obeis|obeissez)\s+plus\s+a(?:ux)?)\s+(?:(?:toutes?|tous|les|tes|vos|ces|de)\s+){0,3}(?:instructions?|consignes?|regles?|directives?|prompts?|indications?)\s+(?:precedentes?|anterieures?|ci-dessus|d'avant|initiales?|d'origine|originales?|systemes?|du\s+systeme|que\s+(?:tu\s+as|vous\s+avez|l'on\s+t'a|on\s+t'a|l'on\s+vous\s+a|on\s+vous\s+a)\s+(?:recues?|donnees?))${NEXT_NOT_ABOUT_DELIVERY}`,
    String.raw`${B}(?<!j')(?:ignore[sz]?|oublie[sz]?|outrepasse[sz]?)\s+(?:toutes\s+)?(?:tes|vos)\s+(?:instructions|consignes|regles|directives)${E}`,
    String.raw`${B}oublie[sz]?\s+tout\s+ce\s+(?:qu'on|que\s+l'on|que)\s+(?:t'|te\s+|vous\s+)(?:a|as|avez)\s+(?:ete\s+)?(?:dit|appris|demande|indique|explique)`,
    String.raw`${SENTENCE_START}(?:tes\s+|vos\s+)?nouvelles\s+(?:instructions|consignes|regles|directives)\s*:${NOT_ABOUT_DELIVERY}`,
    String.raw`${B}(?:a\s+partir\s+de\s+maintenant|desormais|dorenavant|des\s+maintenant)\s*,?\s+(?:tu|vous)\s+(?:(?:vas|allez|dois|devez)\s+(?:\p{L}+\s+){0,2}?(?:ignorer|obeir|faire\s+semblant|jouer\s+le\s+role|repondre\s+(?:uniquement|seulement|par|avec))|(?:ignores|ignorez|obeis|obeissez|reponds\s+(?:uniquement|seulement)|repondez\s+(?:uniquement|seulement)))${E}`,
  ]),
  ...rules('override-instructions', 'es', [
    String.raw`${B}(?:ignora|ignore|ignoren|olvida|olvide|olviden|olvidate\s+de|descarta|desestima|omite|no\s+hagas\s+caso\s+(?:a|de)|no\s+sigas|pasa\s+por\s+alto)\s+(?:(?:todas?|todos|las|los|tus|sus|estas|esas|de)\s+){0,3}(?:instrucciones|instruccion|reglas|indicaciones|directrices|directivas|consignas|prompts?|normas|pautas)\s+(?:anteriores|previas|de\s+antes|iniciales|originales|del\s+sistema|de\s+arriba|que\s+(?:te\s+)?(?:dieron|han\s+dado|recibiste))${NEXT_NOT_ABOUT_DELIVERY}`,
    String.raw`${B}(?:ignora|ignore|olvida|olvide|descarta)\s+(?:todas\s+)?(?:tus|sus)\s+(?:instrucciones|reglas|directrices|normas|indicaciones)${E}`,
    String.raw`${B}olvida(?:te\s+de)?\s+todo\s+lo\s+que\s+(?:te|se\s+te)\s+(?:han\s+|ha\s+|hayan\s+)?(?:dicho|dijeron|ensenado|ensenaron|indicado|indicaron|programado)`,
    String.raw`${SENTENCE_START}(?:tus\s+)?nuevas\s+(?:instrucciones|reglas|directrices|indicaciones)\s*:${NOT_ABOUT_DELIVERY}`,
    String.raw`${B}(?:a\s+partir\s+de\s+ahora|desde\s+ahora|de\s+ahora\s+en\s+adelante)\s*,?\s+(?:tu\s+)?(?:(?:vas\s+a|debes|tienes\s+que)\s+(?:ignorar|obedecer|fingir|actuar\s+como|responder\s+(?:solo|solamente|unicamente|con))|(?:ignoras|obedeces|respondes\s+(?:solo|solamente|unicamente)))${E}`,
  ]),
  ...rules('override-instructions', 'pt', [
    String.raw`${B}(?:ignore|ignora|ignorem|esqueca|esquece|esquecam|desconsidere|desconsidera|descarte|descarta|despreze|despreza|nao\s+siga)\s+(?:(?:todas?|todos|as|os|suas|tuas|seus|teus|essas|estas|de)\s+){0,3}(?:instrucoes|instrucao|regras|orientacoes|diretrizes|diretivas|comandos|prompts?|normas)\s+(?:anteriores|previas|de\s+antes|iniciais|originais|do\s+sistema|acima|recebidas|que\s+(?:te|lhe)\s+(?:deram|foram\s+dadas))${NEXT_NOT_ABOUT_DELIVERY}`,
    String.raw`${B}(?:ignore|ignora|esqueca|esquece|desconsidere|desconsidera)\s+(?:todas\s+)?(?:as\s+)?(?:suas|tuas)\s+(?:instrucoes|regras|diretrizes|orientacoes)${E}`,
    String.raw`${B}esquec[ae]\s+tudo\s+(?:o\s+)?que\s+(?:te|lhe|voce)\s+(?:foi\s+|foram\s+|tinham\s+|tenham\s+)?(?:disseram|dito|ensinaram|ensinado|instruido|programado)`,
    String.raw`${SENTENCE_START}(?:suas\s+)?novas\s+(?:instrucoes|regras|diretrizes|orientacoes)\s*:${NOT_ABOUT_DELIVERY}`,
    String.raw`${B}(?:a\s+partir\s+de\s+agora|de\s+agora\s+em\s+diante|daqui\s+(?:em|pra|para)\s+(?:diante|frente))\s*,?\s+(?:(?:voce|tu)\s+)?(?:(?:vai|vais|deve|deves|tem\s+que|precisa)\s+(?:ignorar|obedecer|fingir|agir\s+como|responder\s+(?:apenas|somente|so|com))|(?:ignora|obedece|responde\s+(?:apenas|somente)))${E}`,
  ]),
  ...rules('override-instructions', 'it', [
    String.raw`${B}(?:ignora|ignori|ignorate|dimentica|dimentichi|dimenticate|scorda|tralascia|trascura|non\s+seguire|non\s+tenere\s+conto\s+d(?:i|elle|ei|egli)|non\s+considerare)\s+(?:(?:tutte|tutti|le|i|gli|tue|tuoi|queste|quelle|di)\s+){0,3}(?:istruzioni|regole|indicazioni|direttive|comandi|prompt|norme|linee\s+guida|consegne)\s+(?:precedenti|di\s+prima|iniziali|originali|originarie|di\s+sistema|del\s+sistema|sopra|qui\s+sopra|ricevute|fornite)${NEXT_NOT_ABOUT_DELIVERY}`,
    String.raw`${B}(?:ignora|dimentica|ignorate|dimenticate)\s+(?:tutte\s+)?(?:le\s+)?(?:tue|sue)\s+(?:istruzioni|regole|direttive|indicazioni)${E}`,
    String.raw`${B}dimentica\s+tutto\s+(?:quello|cio|quanto)\s+che\s+ti\s+(?:e\s+stato|hanno|abbiano)\s+(?:detto|insegnato|spiegato|ordinato)`,
    String.raw`${SENTENCE_START}(?:le\s+tue\s+)?nuove\s+(?:istruzioni|regole|direttive)\s*:${NOT_ABOUT_DELIVERY}`,
    String.raw`${B}(?:da\s+(?:ora|adesso)\s+in\s+(?:poi|avanti)|d'ora\s+in\s+(?:poi|avanti)|a\s+partire\s+da\s+(?:ora|adesso))\s*,?\s+(?:tu\s+)?(?:(?:dovrai|devi)\s+(?:ignorare|obbedire|fingere|rispondere\s+(?:solo|soltanto|unicamente|con))|(?:ignorerai|obbedirai|fingerai|risponderai\s+(?:solo|soltanto|unicamente)))${E}`,
  ]),
  ...rules('override-instructions', 'nl', [
    String.raw`${B}(?:negeer|negeren|negeert|vergeet|vergeten|verwerp|volg\s+niet|houd\s+geen\s+rekening\s+met)\s+(?:(?:alle|al|de|je|jouw|uw|deze|die)\s+){0,3}(?:vorige|eerdere|voorgaande|bovenstaande|oorspronkelijke|originele|initiele|oude|systeem)\s+(?:instructies|instructie|regels|opdrachten|aanwijzingen|richtlijnen|prompts?|bevelen)${E}${NEXT_NOT_ABOUT_DELIVERY}`,
    String.raw`${B}(?:negeer|vergeet)\s+(?:al\s+)?(?:je|jouw|uw)\s+(?:instructies|regels|richtlijnen|systeemprompt|programmering|aanwijzingen)${E}`,
    String.raw`${B}(?:alle\s+)?(?:vorige|eerdere|voorgaande|bovenstaande)\s+(?:instructies|regels|opdrachten|aanwijzingen)\s+(?:\p{L}+\s+){0,2}?(?:negeren|vergeten)${E}`,
    String.raw`${B}vergeet\s+alles\s*,?\s+wat\s+(?:je|jou|u)\s+(?:\p{L}+\s+){0,2}?(?:verteld|gezegd|geleerd|opgedragen|geinstrueerd)${E}`,
    String.raw`${SENTENCE_START}(?:je\s+)?nieuwe\s+(?:instructies|regels|opdrachten)\s*:${NOT_ABOUT_DELIVERY}`,
    String.raw`${B}(?:vanaf\s+nu|van\s+nu\s+af(?:\s+aan)?|voortaan)\s*,?\s+(?:(?:ga|zal|moet)\s+(?:je|jij)\s+(?:\p{L}+\s+){0,2}?(?:negeren|gehoorzamen|doen\s+alsof|alleen\s+(?:nog\s+)?antwoorden)|(?:negeer|gehoorzaam)\s+(?:je|jij)|(?:antwoord|reageer)\s+(?:je|jij)\s+(?:alleen|enkel|uitsluitend))${E}`,
  ]),
  ...rules('override-instructions', 'pl', [
    String.raw`${B}(?:zignoruj(?:cie)?|ignoruj(?:cie)?|zapomnij(?:cie)?(?:\s+o)?|pomin(?:cie)?|odrzuc(?:cie)?|nie\s+stosuj\s+sie\s+do|nie\s+przestrzegaj)\s+(?:(?:wszystkie|wszystkich|wszelkie|wszelkich|te|tych|swoje|swoich|twoje|twoich)\s+){0,2}(?:poprzedni\p{L}*|wczesniejsz\p{L}*|powyzsz\p{L}*|dotychczasow\p{L}*|pierwotn\p{L}*|systemow\p{L}*|wyzej\s+wymienion\p{L}*)\s+(?:instrukcj\p{L}*|polecen\p{L}*|zasad\p{L}*|regu[łl]\p{L}*|wytyczn\p{L}*|komend\p{L}*|prompt\p{L}*)${NEXT_NOT_ABOUT_DELIVERY}`,
    String.raw`${B}(?:zignoruj|ignoruj|zapomnij(?:\s+o)?)\s+(?:wszystkie\s+|wszystkich\s+)?(?:swoje|swoich|twoje|twoich)\s+(?:instrukcj\p{L}*|zasad\p{L}*|polecen\p{L}*|regu[łl]\p{L}*|wytyczn\p{L}*)`,
    String.raw`${B}zapomnij\s+(?:o\s+)?wszystk(?:im|o)\s*,?\s+co\s+(?:ci\s+)?(?:\p{L}+\s+){0,2}?(?:powiedziano|kazano|mowiono|napisano|przekazano|wpojono)${E}`,
    String.raw`${SENTENCE_START}(?:twoje\s+)?nowe\s+(?:instrukcje|polecenia|zasady|reguły|reguly)\s*:${NOT_ABOUT_DELIVERY}`,
    String.raw`${B}od\s+(?:teraz|tej\s+chwili|dzis)\s*,?\s+(?:(?:bedziesz|musisz|masz)\s+(?:\p{L}+\s+){0,2}?(?:ignorowac|udawac|odpowiadac\s+(?:tylko|wylacznie|jedynie))|(?:ignorujesz|udajesz|odpowiadasz\s+(?:tylko|wylacznie|jedynie)))${E}`,
  ]),
  ...rules('override-instructions', 'tr', [
    String.raw`${B}(?:onceki|yukar[ıi]daki|evvelki|daha\s+onceki|ilk|orijinal|sistem|mevcut)\s+(?:(?:tum|butun|her)\s+)?(?:talimat|komut|kural|yonerge|yonlendirme|istem|prompt|emir|direktif)\p{L}*\s+(?:\p{L}+\s+){0,2}?(?:yok\s+say|gormezden\s+gel|unut|dikkate\s+alma|umursama|gecersiz\s+say|es\s+gec)`,
    String.raw`${B}(?:tum|butun)\s+(?:onceki\s+)?(?:talimat|kural|komut|yonerge)\p{L}*\s+(?:\p{L}+\s+){0,1}?(?:yok\s+say|gormezden\s+gel|unut|dikkate\s+alma)`,
    String.raw`${B}sana\s+(?:verilen|soylenen)\s+(?:her\s+seyi|tum\s+talimat\p{L}*|talimat\p{L}*)\s+(?:unut|yok\s+say|gormezden\s+gel)`,
    String.raw`${SENTENCE_START}yeni\s+(?:talimatlar|kurallar|komutlar)\s*:${NOT_ABOUT_DELIVERY}`,
  ]),
  ...rules('override-instructions', 'ru', [
    String.raw`${B}(?:игнорируй(?:те)?|проигнорируй(?:те)?|забудь(?:те)?(?:\s+(?:про|о|об))?|не\s+обращай(?:те)?\s+внимания\s+на|отбрось(?:те)?|не\s+следуй(?:те)?|не\s+выполняй(?:те)?|отмени(?:те)?|пренебреги(?:те)?)\s+(?:(?:все|всех|всем|эти|свои|твои|ваши|данные)\s+){0,2}(?:предыдущ\p{L}*|прошл\p{L}*|прежн\p{L}*|вышеуказанн\p{L}*|вышеизложенн\p{L}*|изначальн\p{L}*|исходн\p{L}*|первоначальн\p{L}*|системн\p{L}*|старые|ранее\s+\p{L}+)\s+(?:инструкци\p{L}*|указани\p{L}*|правил\p{L}*|команд\p{L}*|промпт\p{L}*|директив\p{L}*|установк\p{L}*|распоряжени\p{L}*)${NEXT_NOT_ABOUT_DELIVERY}`,
    String.raw`${B}(?:игнорируй(?:те)?|проигнорируй(?:те)?|забудь(?:те)?(?:\s+(?:про|о|об))?)\s+(?:все\s+)?(?:свои|твои|ваши)\s+(?:инструкци|правил|установк|промпт|указани)\p{L}*`,
    String.raw`${B}забудь(?:те)?\s+(?:вообще\s+)?вс[её]\s*,?\s+(?:что\s+(?:тебе|вам)\s+(?:\p{L}+\s+){0,2}?(?:говорили|сказали|сказано|писали|велели|приказали|объясняли)|чему\s+(?:тебя|вас)\s+(?:учили|обучали|научили))${E}`,
    String.raw`${SENTENCE_START}(?:твои\s+)?новые\s+(?:инструкции|правила|указания)\s*:${NOT_ABOUT_DELIVERY}`,
    String.raw`${B}(?:с\s+этого\s+момента|отныне|с\s+сегодняшнего\s+дня)\s*,?\s+ты\s+(?:будешь\s+|должен\s+|должна\s+|обязан\s+)?(?:игнорировать|игнорируешь|притворяться|подчиняться|слушаться|отвечать\s+(?:только|лишь|исключительно)|отвечаешь\s+(?:только|лишь))${E}`,
  ]),
  ...rules('override-instructions', 'ja', [
    String.raw`(?:以前|前|これまで|今まで|上記|上|先ほど|先程|元|最初|既存|システム)の?(?:全て|すべて|全部|あらゆる)?の?(?:指示|命令|ルール|規則|プロンプト|指令|制約|ガイドライン|インストラクション)(?:内容)?(?:は|を|も)?(?:全て|すべて|全部|一切)?(?:無視|忘れ|破棄)`,
    String.raw`(?:全て|すべて|全部|あらゆる)の(?:指示|命令|ルール|プロンプト|指令)を(?:無視|忘れ)`,
    String.raw`(?:これまで|今まで)に?(?:言われた|教えられた|与えられた)(?:こと|内容|指示)を?(?:全て|すべて|全部)?忘れ`,
    String.raw`${SENTENCE_START}新しい(?:指示|命令|ルール|プロンプト)\s*:${NOT_ABOUT_DELIVERY}`,
    String.raw`(?:今から|これから|今後|以後)(?:は)?、?(?:あなた|君|お前)は${sameSentence(30)}(?:無視|(?:だけ|のみ)(?:を)?(?:答え|返答|回答|返信|出力))`,
  ]),
  ...rules('override-instructions', 'zh', [
    String.raw`(?:忽略|无视|無視|忘记|忘記|忘掉|不要理会|不要理會|别管|別管|忽视|忽視|抛开|拋開|放弃|放棄|不要遵守|不要遵循|停止遵循|跳过|跳過|覆盖|覆蓋)(?:掉)?(?:你)?(?:之前|以前|上面|上述|前面|先前|以上|此前|原来|原來|原有|原始|最初|所有|全部|一切|系统|系統)的?(?:所有|全部|一切|任何)?的?(?:指令|指示|规则|規則|提示词|提示詞|提示|命令|设定|設定|限制|约束|約束)`,
    String.raw`(?:之前|以前|上面|上述|前面|先前|以上|所有)的?(?:所有|全部|一切)?的?(?:指令|指示|规则|規則|提示词|提示詞|命令)(?:都|全部|一律|统统|統統)?(?:忽略|无视|無視|忘记|忘記|作废|作廢|无效|無效|不再有效)`,
    String.raw`忘(?:记|記|掉)(?:你|之前)?(?:被告知|被告訴|学到|學到|被教|收到)的(?:一切|所有|全部)`,
    String.raw`${SENTENCE_START}(?:新的?|最新的?)(?:指令|指示|规则|規則|系统提示|系統提示)\s*:${NOT_ABOUT_DELIVERY}`,
    String.raw`(?:从现在开始|從現在開始|从现在起|從現在起|今后|今後|以后|以後)\s*,?\s*你(?:将|將|要|必须|必須|应该|應該)?(?:忽略|无视|無視|服从|服從|只(?:能)?(?:回答|回复|回覆|输出|輸出|说|說))`,
  ]),
  ...rules('override-instructions', 'ko', [
    String.raw`(?:이전|앞|위|기존|지금까지|원래|처음|시스템)\s*(?:의)?\s*(?:모든\s*)?(?:지시|지침|명령|규칙|프롬프트|지시사항|명령어)\S*\s*(?:을|를|은|는)?\s*(?:모두|전부|다)?\s*(?:무시|잊어|잊고|잊으|따르지)`,
    String.raw`모든\s*(?:지시|명령|규칙|프롬프트|지침)\S*\s*(?:을|를)?\s*(?:무시|잊어)`,
    String.raw`지금까지\s*(?:들은|받은|배운)\s*(?:모든\s*)?(?:것|지시|내용)\S*\s*(?:모두|전부|다)?\s*잊`,
    String.raw`${SENTENCE_START}새로운\s*(?:지시|지침|명령|규칙)\s*:${NOT_ABOUT_DELIVERY}`,
    String.raw`(?:지금부터|이제부터|앞으로)\s*(?:너는|넌|당신은)\s*${sameSentence(30)}(?:무시|만\s*(?:대답|답변|응답|출력))`,
  ]),
  ...rules('override-instructions', 'ar', [
    String.raw`${B}(?:تجاهل|تجاهلي|تجاهلوا|انس|انسي|انسوا|اهمل|اهملي|لا\s+تلتزم\s+ب|لا\s+تتبع|تخط|تخطي)\s*(?:(?:جميع|كل|كافة)\s+)?(?:التعليمات|الاوامر|القواعد|الارشادات|التوجيهات|التلقينات|البرومبت)\s+(?:السابقة|السابقه|الماضية|اعلاه|الاصلية|القديمة|الاولية|التي\s+(?:تلقيتها|اعطيت\s+لك))`,
    String.raw`${B}(?:تجاهل|تجاهلي|انس|انسي|اهمل)\s+(?:(?:جميع|كل)\s+)?(?:تعليماتك|اوامرك|قواعدك|ارشاداتك|توجيهاتك)`,
    String.raw`${B}انس\p{L}*\s+(?:كل|جميع)\s+ما\s+(?:قيل\s+لك|قالوه\s+لك|تعلمته|علموك)`,
    String.raw`${SENTENCE_START}(?:التعليمات\s+الجديدة|تعليمات\s+جديدة|اوامر\s+جديدة)\s*:${NOT_ABOUT_DELIVERY}`,
    String.raw`${B}(?:من\s+الان\s+فصاعدا|من\s+الان|اعتبارا\s+من\s+الان)\s*[،,]?\s*(?:انت\s+)?(?:ستتجاهل|ستجيب\s+فقط|يجب\s+ان\s+تتجاهل|عليك\s+ان\s+تتجاهل)`,
  ]),
  ...rules('override-instructions', 'he', [
    String.raw`(?:התעלם|התעלמי|התעלמו|שכח|שכחי|שכחו)\s+(?:מכל|מ|את\s+כל|את)\s*(?:ה)?(?:הוראות|ההוראות|הנחיות|ההנחיות|הכללים)\s+(?:הקודמות|הקודמים|הקודמת|שקיבלת)`,
  ]),
  ...rules('override-instructions', 'hi', [
    String.raw`(?:पिछले|पिछली|पहले\s+के|पहले\s+दिए\s+गए|ऊपर\s+के|ऊपर\s+दिए\s+गए)\s+(?:सभी\s+|सारे\s+)?(?:निर्देशों|निर्देश|नियमों|आदेशों)\s+(?:को\s+)?(?:अनदेखा|नज|भूल|इग्नोर)`,
  ]),
];

// ————————————————————————————————————————————————————————————————————————————————
// role-change
// ————————————————————————————————————————————————————————————————————————————————

/** Phones, consoles and computers have a developer mode and can be jailbroken: not a role change. */
const DEVICE_CONTEXT = new RegExp(
  String.raw`${B}(?:iphone|ipad|ios|android|phone|smartphone|handy|telefon\p{L}*|telefone|telefoon|tablet|console|konsole|playstation|ps[345]|xbox|nintendo|switch|firmware|router|windows|macos|mac|laptop|pc|computer|ordinateur|chrome|browser|navigateur|kindle|fire\s*stick|tv|watch|samsung|xiaomi|huawei|pixel|bios|usb|apps?|settings|dashboard|account|api|plugin|extension|website|site|theme|shopify|wordpress|woocommerce|sandbox|integration|sdk|portal|panel|konto|compte|cuenta|conta|einstellungen|parametres|ajustes|configuracoes|impostazioni|instellingen|ustawienia|ayarlar|настройк\p{L}*|телефон\p{L}*|смартфон\p{L}*|андроид\p{L}*|айфон\p{L}*|هاتف|جوال|ايفون|اندرويد)${E}|スマホ|携帯|手机|手機|安卓|設定|设置|設置|휴대폰|핸드폰|아이폰|안드로이드|설정`,
  'u',
);
/** Words that put "developer mode" or "jailbreak" back on the model, even next to a device. */
const MODEL_CONTEXT = new RegExp(String.raw`${B}(?:${AI_NAMES}|assistant|chatbot|language\s+model|ki|ia|ии)${E}|人工智能|アシスタント|어시스턴트|ذكاء\s+اصطناعي`, 'u');
const NOT_ABOUT_A_DEVICE = (context: RuleContext) => !DEVICE_CONTEXT.test(context.text) || MODEL_CONTEXT.test(context.text);

/** Not a customer describing someone ("you act like a bot", "your agents act as robots"). */
const IMPERATIVE = String.raw`(?<!${B}(?:you|they|we|he|she|it|agents?|staff|people|who|that|to|i|bots?|support)\s+)`;

const ROLE_CHANGE: InjectionRule[] = [
  ...rules('role-change', 'en', [
    String.raw`${B}you(?:\s+are|'re|r)\s+(?:now|from\s+now\s+on|no\s+longer|henceforth|hereby)\s+(?:[—–-]\s*)?(?:an?\s+|the\s+|in\s+|my\s+)?${words(3)}${AI_ROLE.en}${E}`,
    String.raw`${B}(?:from\s+now\s+on|starting\s+now|henceforth)\s*,?\s+you(?:\s+are|'re|\s+will\s+be)\s+(?:an?\s+|the\s+|in\s+)?${words(3)}${AI_ROLE.en}${E}`,
    String.raw`${IMPERATIVE}${B}(?:act|behave|function|operate|pose)\s+(?:as|like)\s+(?:if\s+you\s+(?:are|were)\s+)?(?:an?\s+|the\s+|my\s+)?${words(2)}${AI_ROLE.en}${E}`,
    String.raw`${IMPERATIVE}${B}act\s+as\s+(?:if|though)\s+you\s+(?:are|were|have|had)\s+(?:no\s+(?:rules|restrictions|limits|guidelines|filters|instructions)|not\s+(?:bound|restricted)|free\s+(?:from|of))`,
    String.raw`${B}pretend\s+(?:to\s+be|(?:that\s+)?you(?:\s+are|'re|\s+were))\s+(?:an?\s+|the\s+)?${words(2)}${AI_ROLE.en}${E}`,
    String.raw`${B}pretend\s+(?:that\s+)?you\s+(?:have|had)\s+no\s+(?:rules|restrictions|limits|guidelines|filters|instructions|content\s+polic(?:y|ies))`,
    String.raw`${B}(?:role-?play|play\s+the\s+role\s+of|take\s+on\s+the\s+role\s+of|assume\s+the\s+(?:role|persona)\s+of)\s+(?:as\s+)?(?:an?\s+|the\s+)?${words(2)}(?:${AI_ROLE.en}|character|persona)${E}`,
    String.raw`${B}(?:enter|enable|activate|switch\s+to|turn\s+on)\s+(?:dan|god|jailbreak|unrestricted|unfiltered)\s+mode${E}`,
    String.raw`${B}(?:dan\s+mode|do\s+anything\s+now|stay\s+in\s+character)${E}`,
  ]),
  ...rules('role-change', '*', [
    String.raw`${B}(?:jailbr(?:eak|eaks|eaking|oken)|developer\s+mode|dev\s+mode|god\s+mode|entwicklermodus|mode\s+developpeur|modo\s+(?:de\s+)?desarrollador|modo\s+(?:de\s+)?desenvolvedor|modalita\s+sviluppatore|ontwikkelaarsmodus|tryb\p{L}*\s+(?:dewelopera|deweloperski\p{L}*)|gelistirici\s+modu|режим\p{L}*\s+разработчика|وضع\s+المطور)${E}|開発者モード|开发者模式|開發者模式|개발자\s*모드`,
  ], { when: NOT_ABOUT_A_DEVICE }),
  ...rules('role-change', 'de', [
    String.raw`${B}(?:du\s+bist|sie\s+sind)\s+(?:ab\s+)?(?:jetzt|nun|ab\s+sofort|von\s+nun\s+an|ab\s+jetzt|nicht\s+mehr)\s+${words(3)}${AI_ROLE.de}${E}`,
    String.raw`${B}(?:jetzt|nun|ab\s+sofort|ab\s+jetzt|von\s+nun\s+an)\s+bist\s+du\s+${words(3)}${AI_ROLE.de}${E}`,
    String.raw`${B}(?:tu\s+so\s*,?\s+als\s+(?:warst|seist|bist)\s+du|gib\s+dich\s+als|verhalte\s+dich\s+(?:wie|als)|agiere\s+als|spiele?\s+(?:die\s+rolle\s+)?(?:eines|einer|von))\s+${words(3)}${AI_ROLE.de}${E}`,
  ]),
  ...rules('role-change', 'fr', [
    String.raw`${B}(?:(?:tu\s+es|vous\s+etes|t'es)\s+(?:maintenant|desormais|dorenavant|a\s+present)|(?:tu\s+n'es|vous\s+n'etes)\s+plus)\s+${words(3)}${AI_ROLE.fr}${E}`,
    String.raw`${B}(?:fais|faites)\s+semblant\s+d'etre\s+${words(3)}${AI_ROLE.fr}${E}`,
    String.raw`${B}(?:agis|agissez|comporte-toi|comportez-vous)\s+(?:comme|en\s+tant\s+que)\s+${words(3)}${AI_ROLE.fr}${E}`,
    String.raw`${B}(?:joue|jouez)\s+le\s+role\s+d(?:e|'|u)\s*${words(3)}${AI_ROLE.fr}${E}`,
  ]),
  ...rules('role-change', 'es', [
    String.raw`${B}(?:ahora\s+(?:tu\s+)?eres|(?:tu\s+)?eres\s+ahora|a\s+partir\s+de\s+ahora\s+(?:tu\s+)?eres|ya\s+no\s+eres|ahora\s+usted\s+es)\s+${words(3)}${AI_ROLE.es}${E}`,
    String.raw`${B}(?:finge|finja|haz\s+como\s+si|haz\s+de\s+cuenta\s+que)\s+(?:ser|que\s+eres|fueras)\s+${words(3)}${AI_ROLE.es}${E}`,
    String.raw`${IMPERATIVE}${B}(?:actua|actue|comportate|hazte\s+pasar\s+por)\s+(?:como\s+)?${words(3)}${AI_ROLE.es}${E}`,
  ]),
  ...rules('role-change', 'pt', [
    String.raw`${B}(?:agora\s+(?:voce|tu)\s+(?:e|es)|(?:voce|tu)\s+(?:e|es)\s+agora|(?:voce|tu)\s+agora\s+(?:e|es)|a\s+partir\s+de\s+agora\s+(?:voce|tu)\s+(?:e|es)|(?:voce|tu)\s+nao\s+(?:e|es)\s+mais)\s+${words(3)}${AI_ROLE.pt}${E}`,
    String.raw`${B}(?:finja|finge|faz\s+de\s+conta\s+que)\s+(?:ser|que\s+(?:e|es|voce\s+e))\s+${words(3)}${AI_ROLE.pt}${E}`,
    String.raw`${B}(?:aja|age|atue|comporte-se|se\s+comporte)\s+como\s+${words(3)}${AI_ROLE.pt}${E}`,
  ]),
  ...rules('role-change', 'it', [
    String.raw`${B}(?:ora\s+(?:tu\s+)?sei|(?:tu\s+)?sei\s+ora|adesso\s+(?:tu\s+)?sei|da\s+(?:ora|adesso)\s+(?:in\s+poi\s+)?sei|non\s+sei\s+piu)\s+${words(3)}${AI_ROLE.it}${E}`,
    String.raw`${B}(?:fingi|finga)\s+di\s+essere\s+${words(3)}${AI_ROLE.it}${E}`,
    String.raw`${B}(?:comportati|agisci)\s+(?:come|da)\s+${words(3)}${AI_ROLE.it}${E}`,
  ]),
  ...rules('role-change', 'nl', [
    String.raw`${B}(?:je\s+bent|jij\s+bent|u\s+bent)\s+(?:nu|vanaf\s+nu|voortaan|niet\s+langer)\s+${words(3)}${AI_ROLE.nl}${E}`,
    String.raw`${B}(?:vanaf\s+nu|nu|voortaan)\s+ben\s+(?:je|jij)\s+${words(3)}${AI_ROLE.nl}${E}`,
    String.raw`${B}(?:doe\s+alsof\s+(?:je|jij)|gedraag\s+je\s+als|speel\s+de\s+rol\s+van)\s+${words(3)}${AI_ROLE.nl}${E}`,
  ]),
  ...rules('role-change', 'pl', [
    String.raw`${B}(?:(?:teraz|od\s+teraz|odtad)\s+jestes|jestes\s+(?:teraz|od\s+teraz|odtad)|nie\s+jestes\s+juz)\s+${words(3)}${AI_ROLE.pl}${E}`,
    String.raw`${B}(?:udawaj\s*,?\s+ze\s+jestes|zachowuj\s+sie\s+jak|wciel\s+sie\s+w|odgrywaj\s+role)\s+${words(3)}${AI_ROLE.pl}${E}`,
  ]),
  ...rules('role-change', 'tr', [
    String.raw`${B}(?:sen\s+)?(?:art[ıi]k|bundan\s+(?:sonra|boyle)|su\s+andan\s+itibaren)\s+(?:sen\s+)?${words(3)}${AI_ROLE.tr}\p{L}*?(?:s[ıi]n|sun)${E}`,
    String.raw`${B}${AI_ROLE.tr}\p{L}*\s+(?:gibi\s+davran|rol[uü]ne\s+b[uü]r[uü]n|rolu\s+yap|taklidi\s+yap)`,
  ]),
  ...rules('role-change', 'ru', [
    String.raw`${B}(?:ты\s+(?:теперь|отныне|больше\s+не)|теперь\s+ты|отныне\s+ты|вы\s+теперь|теперь\s+вы)\s+(?:[—–-]\s*)?${words(3)}${AI_ROLE.ru}${E}`,
    String.raw`${B}(?:притворись|притворитесь|представь\s*,?\s+что\s+ты|веди\s+себя\s+как|действуй\s+как|играй\s+роль|сыграй\s+роль)\s+${words(3)}${AI_ROLE.ru}${E}`,
  ]),
  ...rules('role-change', 'ja', [
    String.raw`(?:あなた|君|きみ|お前|おまえ)は(?:今から|これから|今後|もう|今日から|今は|今や)${sameSentence(25)}${AI_ROLE.ja}`,
    String.raw`(?:今から|これから|今後)(?:は)?、?(?:あなた|君|お前)は${sameSentence(25)}${AI_ROLE.ja}`,
    String.raw`${AI_ROLE.ja}${sameSentence(10)}(?:のふりをし|のふりして|として振る舞|として振舞|になりきっ|を演じ)`,
  ]),
  ...rules('role-change', 'zh', [
    String.raw`你(?:现在|現在|从现在开始|從現在開始|从此|從此|今后|今後|已经|已經|不再)(?:是|成为|成為|变成|變成|扮演)?${sameSentence(20)}${AI_ROLE.zh}(?![^。！？\n]{0,6}[吗嗎?？])`,
    String.raw`(?:从现在开始|從現在開始|从现在起|從現在起)\s*,?\s*你(?:是|就是|成为|成為|将是|將是)${sameSentence(20)}${AI_ROLE.zh}`,
    String.raw`(?:假装|假裝|扮演|充当|充當)(?:你是|成)?${sameSentence(15)}${AI_ROLE.zh}`,
  ]),
  ...rules('role-change', 'ko', [
    String.raw`(?:너는|넌|당신은)\s*(?:이제|지금부터|이제부터|앞으로|더\s*이상)\s*${sameSentence(25)}${AI_ROLE.ko}`,
    String.raw`(?:지금부터|이제부터|이제|앞으로)\s*(?:너는|넌|당신은)\s*${sameSentence(25)}${AI_ROLE.ko}`,
    String.raw`${AI_ROLE.ko}\S*\s*(?:처럼\s*행동|인\s*척|역할을\s*(?:해|하|연기))`,
  ]),
  ...rules('role-change', 'ar', [
    String.raw`${B}(?:انت|انتي)\s+(?:الان|من\s+الان|لم\s+تعد|اصبحت)\s+${words(3)}${AI_ROLE.ar}${E}`,
    String.raw`${B}(?:تظاهر|تظاهري|تصرف|تصرفي|العب\s+دور|مثل\s+دور)\s+(?:ب?انك\s+|كانك\s+|على\s+انك\s+|ك\s*|مثل\s+)?${words(3)}${AI_ROLE.ar}${E}`,
  ]),
  ...rules('role-change', 'he', [String.raw`(?:אתה|את)\s+(?:עכשיו|כעת|מעכשיו)\s+${words(3)}${AI_ROLE.he}`]),
];

// ————————————————————————————————————————————————————————————————————————————————
// fake-role-line: a line dressed up as a turn of the conversation with the model
// ————————————————————————————————————————————————————————————————————————————————

/**
 * Labels that are never ordinary in a customer's message: always a fake turn. ("System message:"
 * is not here: customers quote error messages with it.)
 */
const ALWAYS_FAKE_LABELS = String.raw`(?:assistant|human|system\s+(?:prompt|instructions?|override|directive|command)|developer\s+(?:message|prompt|instructions?)|sys(?:tem)?_prompt|systemprompt|system-prompt|systemanweisung(?:en)?|prompt\s+(?:systeme|du\s+systeme)|prompt\s+del\s+sistema|prompt\s+do\s+sistema|prompt\s+di\s+sistema|systeemprompt|prompt\s+systemowy|sistem\s+istemi|системный\s+промпт|системная\s+инструкция|システムプロンプト|系统提示(?:词)?|系統提示(?:詞)?|시스템\s*프롬프트|موجه\s+النظام|تعليمات\s+النظام)`;
/**
 * Labels that also head ordinary lines ("System: Windows 11" in a bug report, "Claude: 06…"): a
 * fake turn only when what follows is an instruction (see INSTRUCTION_START).
 */
const AMBIGUOUS_LABELS = String.raw`(?:system|sys|ai|bot|chatgpt|gpt(?:-?\d[\w.]*)?|claude|llm|system\s+(?:note|update|notice|message)|systemnachricht|message\s+(?:systeme|du\s+systeme)|mensaje\s+del\s+sistema|mensagem\s+do\s+sistema|messaggio\s+di\s+sistema|systeembericht|komunikat\s+systemowy|sistem\s+mesaj[ıi]|системное\s+сообщение|システムメッセージ|系统消息|系統訊息|시스템\s*메시지|رسالة\s+النظام|systeme|sistema|systeem|sistem|система|システム|系统|系統|시스템|النظام|assistent(?:in)?|assistante|asistente|assistente|asystent|asistan|ассистент|помощник|アシスタント|助手|助理|어시스턴트|المساعد|ki|ia|ии|人工智能)`;
/** Before a label: indentation, quote marks, bold or italics. */
const LINE_LEAD = String.raw`^[ \t>*_"'\x60-]*`;

/** The start of an instruction to the model, in each language ("System: You are…", "Système : tu es…"). */
const INSTRUCTION_START = new RegExp(
  String.raw`^(?:(?:please|bitte|s'il\s+vous\s+plait|por\s+favor|per\s+favore|alsjeblieft|prosze|lutfen|пожалуйста)\s*,?\s*)?(?:(?:` +
    [
      String.raw`you(?:\s+(?:are|will|must|should|shall|have\s+to|may|can|need)|'re|'ll)|your\s+(?:task|job|role|goal|purpose|instructions|new|only)|ignore|disregard|forget|do\s+not|don't|respond|reply|answer|translate|the\s+(?:assistant|ai|model|bot)|new\s+(?:instructions|rules|task)|from\s+now|act\s+as|pretend|approve|override|instructions?|rules?\s*:`,
      String.raw`du\s+(?:bist|wirst|musst|sollst|darfst|antwortest)|ignorier\p{L}*|vergiss|antworte|ubersetze|neue\s+(?:anweisungen|regeln)|anweisung\p{L}*`,
      String.raw`tu\s+(?:es|vas|dois|reponds)|vous\s+(?:etes|allez|devez|repondez)|ignore[sz]?|oublie[sz]?|reponds|repondez|traduis|traduisez|nouvelles\s+(?:instructions|consignes|regles)|consignes?`,
      String.raw`(?:tu\s+)?(?:eres|seras|debes)|usted\s+(?:es|debe)|ignora|olvida|responde|traduce|nuevas\s+(?:instrucciones|reglas)|instrucciones`,
      String.raw`(?:voce|tu)\s+(?:e|es|sera|deve|vai)|esqueca|responda|traduza|novas\s+(?:instrucoes|regras)|instrucoes`,
      String.raw`(?:tu\s+)?(?:sei|sarai|devi)|dimentica|rispondi|traduci|nuove\s+(?:istruzioni|regole)|istruzioni`,
      String.raw`(?:je|jij|u)\s+(?:bent|moet|zult|gaat)|negeer|vergeet|antwoord|vertaal|nieuwe\s+(?:instructies|regels)|instructies`,
      String.raw`(?:ty\s+)?(?:jestes|musisz|bedziesz)|zignoruj|ignoruj|zapomnij|odpowiadaj|odpowiedz|przet[łl]umacz|nowe\s+(?:instrukcje|zasady)|instrukcje`,
      String.raw`sen|sana|yok\s+say|unut|cevap\s+ver|yan[ıi]tla|cevir|yeni\s+talimat\p{L}*|talimat\p{L}*`,
      String.raw`ты|вы\s+(?:должны|теперь|будете)|игнорируй\p{L}*|забудь\p{L}*|отвечай|ответь|переведи|новые\s+(?:инструкции|правила)|инструкци\p{L}*`,
      String.raw`انت|تجاهل|التعليمات|اجب|ترجم|تعليمات\s+جديدة|يجب\s+عليك`,
    ].join('|') +
    // Whole words ("ignored", "approved" and "answers" open ordinary lines); CJK and Korean have no spaces to end a word.
    String.raw`)${E}|あなた|君は|お前|無視|指示|回答し|返答し|翻訳し|新しい指示|你|忽略|无视|無視|指令|回答|回复|翻译|翻譯|新的指令|너|당신|무시|지시|답변|번역|새로운\s*지시)`,
  'u',
);

/** Blank lines, indentation and list or quote marks, then the rest of the line. */
const FIRST_NON_EMPTY_LINE = /^[\s>*_"'`-]*([^\n]*)/;

/** After "System:" on its own line (a heading), the next non-empty line is what the label introduces. */
function labelIntroducesInstruction(match: RegExpExecArray, context: RuleContext): boolean {
  const rest = (match.groups?.rest ?? '').replace(/^[\s*_"'`]+/, '');
  if (rest !== '') return INSTRUCTION_START.test(rest);
  const nextLine = FIRST_NON_EMPTY_LINE.exec(context.text.slice(match.index + match[0].length))?.[1] ?? '';
  return INSTRUCTION_START.test(nextLine);
}

const FAKE_ROLE_LINE: InjectionRule[] = [
  { reason: 'fake-role-line', lang: '*', pattern: rxLines(String.raw`${LINE_LEAD}${ALWAYS_FAKE_LABELS}[ \t]*[*_]*[ \t]*:`) },
  {
    reason: 'fake-role-line',
    lang: '*',
    pattern: rxLines(String.raw`${LINE_LEAD}${AMBIGUOUS_LABELS}[ \t]*[*_]*[ \t]*:[*_]*(?<rest>.*)$`),
    accept: labelIntroducesInstruction,
  },
  {
    reason: 'fake-role-line',
    lang: '*',
    pattern: rxLines(String.raw`${LINE_LEAD}(?:\[[ \t]*(?:system|sys|assistant|system\s+prompt|instructions?)[ \t]*\]|<\/?[ \t]*(?:system|sys|assistant|system[_-]?prompt|instructions?|developer|ai)[ \t]*>)`),
  },
  {
    reason: 'fake-role-line',
    lang: '*',
    // "### Instruction" / "### Response" (Alpaca); not "## Instructions", a heading customers use too.
    pattern: rxLines(String.raw`^[ \t>]*#{1,6}[ \t]*(?:instruction|new\s+instructions?|system(?:\s+prompt|\s+message)?|assistant|response|human)${E}`),
  },
];

// ————————————————————————————————————————————————————————————————————————————————
// prompt-leak
// ————————————————————————————————————————————————————————————————————————————————

const EN_LEAK_VERB = String.raw`(?:reveal|print|show|display|repeat|output|tell|give|write|share|leak|dump|list|recite|spell\s+out|copy|paste|echo|disclose|expose|send|reproduce)`;
/** A bare "prompt" must end the phrase: "what is your prompt payment discount?" is about paying. */
const BARE_PROMPT = String.raw`prompt(?=\s*(?:[?.!,:;)"']|$)|\s+(?:to\s+me|verbatim|word|now|please|and|then|above|back)${E})`;
const EN_PROMPT = String.raw`(?:system\s+(?:prompt|instructions?)|(?:pre|meta|initial|hidden|secret|original|full|exact)[\s-]?prompt|developer\s+(?:message|instructions?))`;
/** "verbatim", "word for word", "you were given": what makes "repeat your instructions" a leak. */
const EN_VERBATIM = String.raw`(?:verbatim|word\s+for\s+word|word-for-word|in\s+a\s+code\s*block|above|(?:that\s+|which\s+)?you\s+(?:were|have\s+been|got|'ve\s+been)\s+given|given\s+to\s+you|from\s+the\s+(?:start|beginning|top))`;

const PROMPT_LEAK: InjectionRule[] = [
  ...rules('prompt-leak', 'en', [
    String.raw`${B}${EN_LEAK_VERB}\s+(?:me\s+|us\s+)?(?:out\s+|back\s+)?(?:(?:all|everything|each|every|word)\s+(?:of\s+|in\s+)?)?(?:your|the)\s+(?:(?:full|exact|complete|entire|whole|original|initial|hidden|secret|internal|underlying|first|current)\s+){0,2}${EN_PROMPT}${E}`,
    String.raw`${B}${EN_LEAK_VERB}\s+(?:me\s+|us\s+)?(?:out\s+|back\s+)?your\s+(?:(?:full|exact|complete|entire|whole|current)\s+)?${BARE_PROMPT}`,
    String.raw`${B}(?:reveal|output|dump|leak|recite|disclose|expose|echo)\s+(?:back\s+)?(?:all\s+(?:of\s+)?)?your\s+(?:(?:full|exact|complete|original|initial|hidden|secret|internal|underlying|first)\s+)?(?:instructions|rules|guidelines|directives|programming|configuration)${E}`,
    String.raw`${B}${EN_LEAK_VERB}\s+(?:me\s+)?(?:back\s+)?(?:all\s+(?:of\s+)?)?your\s+(?:(?:full|exact|complete|original|initial|hidden|secret|internal|underlying|first)\s+)?(?:instructions|rules|guidelines|directives)\s+${EN_VERBATIM}`,
    String.raw`${B}${EN_LEAK_VERB}\s+(?:me\s+)?(?:your|the)\s+(?:hidden|secret|internal|underlying|initial|system|developer)\s+(?:instructions|rules|guidelines|directives|configuration)${E}`,
    String.raw`${B}what\s+(?:is|are|was|were)\s+your\s+(?:(?:exact|full|original|initial|hidden|secret)\s+)?(?:system\s+prompt|${BARE_PROMPT}|system\s+instructions|initial\s+instructions|original\s+instructions|hidden\s+instructions)${E}`,
    String.raw`${B}what\s+(?:instructions|rules)\s+(?:were\s+you|have\s+you\s+been|did\s+you\s+get)\s+(?:given|told|programmed)${E}`,
    String.raw`${B}(?:repeat|print|output|show|write|copy|echo|reproduce)\s+(?:back\s+)?(?:everything|all(?:\s+the)?\s+(?:text|words|lines)|the\s+(?:text|words|lines|content)|all)\s+(?:above|before\s+this|before\s+my\s+message|that\s+came\s+before|preceding)(?:\s+(?:verbatim|word\s+for\s+word|starting\s+with|including))?`,
    String.raw`${B}(?:starting|beginning)\s+with\s+["']?you\s+are${E}`,
  ]),
  ...rules('prompt-leak', 'de', [
    String.raw`${B}(?:zeig|zeige|zeigen|nenn|nenne|nennen|gib|geben|gebe|wiederhole|wiederholen|verrate|verraten|drucke|drucken|schreib|schreibe|schreiben|offenbare|offenbaren)(?:\s+sie)?(?:\s+mir|\s+uns)?\s+${words(2)}(?:system-?prompt\p{L}*|systemanweisung\p{L}*|(?:deine[nmrs]?|ihre[nmrs]?|die|den)\s+(?:ursprunglich\p{L}*|versteckt\p{L}*|geheim\p{L}*|intern\p{L}*|initial\p{L}*|anfanglich\p{L}*|vollstandig\p{L}*)\s+(?:anweisungen|instruktionen|prompt|regeln|vorgaben)|(?:deinen|ihren)\s+prompt|(?:deine|ihre)\s+anweisungen\s+(?:wortlich|wortwortlich|vollstandig|im\s+wortlaut))${E}`,
    String.raw`${B}was\s+(?:ist|sind|war|waren)\s+(?:dein|deine|ihr|ihre)\s+(?:system-?prompt|systemanweisungen|(?:ursprunglich|versteckt|geheim)\p{L}*\s+anweisungen)${E}`,
  ]),
  ...rules('prompt-leak', 'fr', [
    String.raw`${B}(?:revele|revelez|montre|montrez|affiche|affichez|repete|repetez|donne|donnez|ecris|ecrivez|imprime|imprimez|dis|dites|recopie|recopiez|partage|partagez|divulgue|divulguez|quel(?:le)?s?\s+(?:est|sont))(?:-moi|-nous|\s+moi)?\s+${words(2)}(?:(?:ton|votre|le)\s+)?(?:prompt\s+(?:systeme|du\s+systeme|initial|d'origine|cache|secret)|(?:ton|votre)\s+prompt|(?:tes|vos|les)\s+(?:instructions|consignes)\s+(?:initiales|cachees|secretes|systeme|du\s+systeme|internes|d'origine|originales|mot\s+pour\s+mot))`,
  ]),
  ...rules('prompt-leak', 'es', [
    String.raw`${B}(?:revela|revelame|muestra|muestrame|ensena|ensename|repite|repiteme|imprime|dime|digame|escribe|escribeme|dame|comparte|cual\s+es|cuales\s+son)\s+${words(2)}(?:(?:tu|el|su)\s+)?(?:prompt\s+(?:del\s+sistema|de\s+sistema|inicial|original|oculto|secreto)|(?:tu|su)\s+prompt|(?:tus|sus|las)\s+instrucciones\s+(?:iniciales|ocultas|secretas|del\s+sistema|de\s+sistema|internas|originales|palabra\s+por\s+palabra|textuales))`,
  ]),
  ...rules('prompt-leak', 'pt', [
    String.raw`${B}(?:revele|revela|mostre|mostra|repita|repete|imprima|imprime|diga|diz|escreva|escreve|compartilhe|me\s+de|me\s+mostre|me\s+diga|qual\s+e|quais\s+sao)\s+${words(2)}(?:(?:seu|teu|o)\s+)?(?:prompt\s+(?:do\s+sistema|de\s+sistema|inicial|original|oculto|secreto)|(?:seu|teu)\s+prompt|(?:suas|tuas|as)\s+instrucoes\s+(?:iniciais|ocultas|secretas|do\s+sistema|de\s+sistema|internas|originais|palavra\s+por\s+palavra))`,
  ]),
  ...rules('prompt-leak', 'it', [
    String.raw`${B}(?:rivela|rivelami|mostra|mostrami|ripeti|ripetimi|stampa|dimmi|dici|scrivi|scrivimi|dammi|condividi|qual\s+e|quali\s+sono)\s+${words(2)}(?:(?:il\s+tuo|il|tuo)\s+)?(?:prompt\s+(?:di\s+sistema|del\s+sistema|iniziale|originale|nascosto|segreto)|(?:il\s+)?tuo\s+prompt|(?:le\s+tue|tue|le)\s+istruzioni\s+(?:iniziali|nascoste|segrete|di\s+sistema|del\s+sistema|interne|originali|parola\s+per\s+parola))`,
  ]),
  ...rules('prompt-leak', 'nl', [
    String.raw`${B}(?:toon|laat|herhaal|geef|print|onthul|vertel|schrijf|deel|wat\s+(?:is|zijn))\s+(?:me\s+|mij\s+|ons\s+)?(?:je|jouw|uw|de)\s+(?:systeem-?prompt|prompt|(?:oorspronkelijke|originele|verborgen|geheime|interne|initiele|eerste)\s+(?:instructies|prompt|regels))${E}`,
  ]),
  ...rules('prompt-leak', 'pl', [
    String.raw`${B}(?:pokaz|pokazcie|powtorz|wypisz|ujawnij|podaj|napisz|wydrukuj|wyswietl|zdradz|jaki\s+jest|jakie\s+sa)\s+(?:mi\s+|nam\s+)?(?:(?:swoj|twoj|swoje|twoje)\s+)?(?:prompt\p{L}*\s+systemow\p{L}*|prompt\s+(?:poczatkow\p{L}*|ukryt\p{L}*)|instrukcj\p{L}*\s+(?:systemow\p{L}*|poczatkow\p{L}*|ukryt\p{L}*|tajn\p{L}*|wewnetrzn\p{L}*|oryginaln\p{L}*)|(?:systemow\p{L}*|poczatkow\p{L}*|ukryt\p{L}*|tajn\p{L}*)\s+(?:instrukcj\p{L}*|prompt\p{L}*))`,
    String.raw`${B}(?:pokaz|powtorz|wypisz|ujawnij|podaj)\s+(?:mi\s+)?(?:swoj|twoj)\s+prompt${E}`,
  ]),
  ...rules('prompt-leak', 'tr', [
    String.raw`${B}(?:sistem\s+(?:istem|prompt|talimat)\p{L}*|gizli\s+talimat\p{L}*|ilk\s+talimat\p{L}*|orijinal\s+talimat\p{L}*|prompt(?:un|unu|u)|talimatlar[ıi]n[ıi]\s+aynen)\s+(?:\p{L}+\s+){0,3}?(?:goster|tekrarla|yaz|yazd[ıi]r|paylas|ver|soyle|ac[ıi]kla)`,
  ]),
  ...rules('prompt-leak', 'ru', [
    String.raw`${B}(?:покажи|покажите|выведи|выведите|повтори|повторите|раскрой|раскройте|напиши|напишите|скажи|скажите|распечатай|распечатайте|дай|дайте|озвучь|озвучьте|процитируй|какой|какие|каков|каковы)\s+(?:мне\s+|нам\s+)?(?:(?:свой|твой|ваш|свои|твои|ваши|этот)\s+)?(?:системн\p{L}*\s+(?:промпт\p{L}*|инструкци\p{L}*|подсказк\p{L}*)|промпт\p{L}*|(?:исходн\p{L}*|скрыт\p{L}*|первоначальн\p{L}*|изначальн\p{L}*|секретн\p{L}*|внутренн\p{L}*)\s+(?:инструкци\p{L}*|указани\p{L}*|промпт\p{L}*)|(?:свои|твои|ваши)\s+инструкции\s+(?:дословно|полностью|целиком))`,
  ]),
  ...rules('prompt-leak', 'ja', [
    String.raw`(?:システムプロンプト|プロンプト|初期(?:の)?指示|隠された指示|秘密の指示|元の指示|最初の指示|(?:あなた|君)(?:への|に与えられた|の)指示)(?:の内容|の全文|全文)?(?:を|は)?${sameSentence(10)}(?:表示|教え|見せ|出力|繰り返|書き出|印刷|開示|公開)`,
  ]),
  ...rules('prompt-leak', 'zh', [
    String.raw`(?:显示|顯示|告诉我|告訴我|输出|輸出|重复|重複|打印|透露|泄露|洩露|展示|给我看|給我看|说出|說出|复述|複述|写出|寫出|公开|公開|列出)(?:一下)?(?:你的|你收到的|原始的?|完整的?|隐藏的?|隱藏的?|初始的?)*(?:系统提示词?|系統提示詞?|提示词|提示詞|系统指令|系統指令|初始指令|隐藏指令|隱藏指令|原始指令)`,
    String.raw`(?:显示|顯示|告诉我|告訴我|输出|輸出|重复|重複|打印|透露|泄露|洩露|说出|說出|复述|複述)(?:一下)?你的(?:指令|提示|设定|設定)`,
    String.raw`(?:系统提示词?|系統提示詞?|初始指令|系统指令|系統指令)(?:是什么|是什麼)`,
    String.raw`把(?:你的)?(?:系统提示词?|系統提示詞?|初始指令|系统指令|系統指令|所有指令)${sameSentence(10)}(?:输出|輸出|打印|显示|顯示|重复|重複|告诉|告訴|发给|發給|写出|寫出)`,
  ]),
  ...rules('prompt-leak', 'ko', [
    String.raw`(?:시스템\s*프롬프트|프롬프트|초기\s*지시\S*|숨겨진\s*지시\S*|원래\s*지시\S*|(?:너|당신)(?:의|에게\s*주어진)\s*지시\S*)\s*(?:을|를|은|는)?\s*(?:그대로\s*|전부\s*|모두\s*)?(?:보여|알려|출력|반복|공개|말해|적어|써)`,
  ]),
  ...rules('prompt-leak', 'ar', [
    String.raw`${B}(?:اكشف|اعرض|اظهر|كرر|اطبع|اخبرني|اعطني|اكتب|شارك|ما\s+هي|ما\s+هو)\s+(?:لي\s+)?ب?(?:موجه\s+النظام|تعليمات\s+النظام|تعليماتك\s+(?:الاولية|الاصلية|المخفية|السرية|حرفيا|بالكامل)|التعليمات\s+(?:الاولية|المخفية|السرية|الاصلية)|البرومبت|الموجه\s+(?:الاولي|الاصلي|الخاص\s+بك))`,
  ]),
];

// ————————————————————————————————————————————————————————————————————————————————
// special-tokens: chat-template markup of model families
// ————————————————————————————————————————————————————————————————————————————————

const SPECIAL_TOKENS: InjectionRule[] = [
  ...rules('special-tokens', '*', [
    // <|im_start|>, <|endoftext|>, <|system|>, <|eot_id|>, <|start_header_id|>, DeepSeek's <｜begin▁of▁sentence｜> (｜ folds to |)
    String.raw`<\|[\w▁.\- ]{1,40}\|>`,
    String.raw`\[\/?inst\]|<<\/?sys>>|\[\/?(?:system_prompt|available_tools|tool_calls|tool_results)\]`,
    String.raw`<\/?(?:start_of_turn|end_of_turn|bos|eos)>`,
  ]),
  {
    reason: 'special-tokens',
    lang: '*',
    pattern: rx(String.raw`<\/s>`),
    // "<s>old price</s>" is strikethrough HTML; a bare </s> ends a turn.
    accept: (_match, context) => !context.text.includes('<s>'),
  },
];

// ————————————————————————————————————————————————————————————————————————————————
// output-hijack: instructions about what the assistant should write or translate
// ————————————————————————————————————————————————————————————————————————————————

/**
 * Sentences that speak to an AI; output-hijack actions below only count in such a message. ("the
 * model" is not an address: in a shop it is the product's model.)
 */
export const AI_ADDRESS: RegExp[] = [
  String.raw`${SENTENCE_START}(?:dear|hey|hi|hello|attention|note\s+(?:to|for)|message\s+(?:to|for)|instructions?\s+(?:to|for)|to|for)\s+(?:the\s+|any\s+|all\s+)?(?:ai|a\.i\.|ai\s+assistant|assistant|bot|chat-?bot|(?:large\s+)?language\s+models?|llms?|chatgpt|gpt|claude|gemini|copilot|translator\s+(?:ai|bot|tool)|translation\s+(?:ai|tool|software|system|model))(?:\s+(?:reading|processing|translating|summari[sz]ing|handling)\s+this(?:\s+message)?)?\s*[,:!.-]`,
  String.raw`${B}if\s+you(?:\s+are|'re)\s+(?:an?\s+)?(?:ai|a\.i\.|ai\s+assistant|assistant|bot|chat-?bot|language\s+model|llm|chatgpt|gpt|machine|automated\s+(?:system|assistant|tool)|translator|translation\s+(?:tool|software|ai))${E}`,
  String.raw`(?:^|\n)[ \t]*(?:ai|assistant|bot|chatgpt|gpt|claude|llm)\s*,`,
  String.raw`${B}(?:ai|chatgpt|llms?|language\s+models?|assistants?)\s+(?:reading|processing|translating|summari[sz]ing)\s+this${E}`,
  String.raw`${SENTENCE_START}(?:liebe|lieber|hallo|hey|an\s+die|an\s+den|hinweis\s+an\s+(?:die|den)|achtung)\s+(?:ki|assistent|bot|chatbot|sprachmodell|chatgpt)\s*[,:!.]`,
  String.raw`${B}wenn\s+du\s+(?:eine?\s+)?(?:ki|bot|sprachmodell|assistent|chatbot)\s+bist${E}`,
  String.raw`${SENTENCE_START}(?:chere|cher|salut|bonjour|note\s+pour\s+l'|pour\s+l'|a\s+l'|attention)\s*(?:ia|assistant|bot|chatbot|chatgpt)\s*[,:!.]`,
  String.raw`${B}si\s+(?:tu\s+es|vous\s+etes)\s+(?:une?\s+)?(?:ia|bot|assistant|modele|chatbot|robot)${E}`,
  String.raw`${SENTENCE_START}(?:querida|querido|hola|para\s+la|nota\s+para\s+la|atencion)\s+(?:ia|asistente|bot|chatbot|chatgpt)\s*[,:!.]`,
  String.raw`${B}si\s+(?:eres|usted\s+es)\s+(?:una?\s+)?(?:ia|bot|asistente|modelo|chatbot|robot)${E}`,
  String.raw`${SENTENCE_START}(?:querida|querido|cara|caro|ola|para\s+a|nota\s+para\s+a|atencao)\s+(?:ia|assistente|bot|chatbot|chatgpt)\s*[,:!.]`,
  String.raw`${B}se\s+(?:voce|tu)\s+(?:e|es)\s+(?:uma?\s+)?(?:ia|bot|assistente|modelo|chatbot|robo)${E}`,
  String.raw`${SENTENCE_START}(?:cara|caro|ciao|nota\s+per\s+l'|per\s+l'|all'|attenzione)\s*(?:ia|assistente|bot|chatbot|chatgpt)\s*[,:!.]`,
  String.raw`${B}se\s+sei\s+(?:un'|una\s+|un\s+)?(?:ia|bot|assistente|modello|chatbot)${E}`,
  String.raw`${SENTENCE_START}(?:beste|hallo|hey|aan\s+de|let\s+op)\s+(?:ai|assistent|bot|chatbot|chatgpt)\s*[,:!.]`,
  String.raw`${B}als\s+(?:je|jij|u)\s+een\s+(?:ai|bot|taalmodel|assistent|chatbot)\s+(?:bent|is)${E}`,
  String.raw`${SENTENCE_START}(?:drogi|droga|hej|czesc|do)\s+(?:ai|asystencie|asystenta|bocie|chatgpt|sztuczna\s+inteligencjo)\s*[,:!.]`,
  String.raw`${B}jesli\s+jestes\s+(?:ai|botem|asystentem|sztuczna\s+inteligencja|modelem\s+jezykowym|chatbotem)${E}`,
  String.raw`${SENTENCE_START}(?:sevgili|merhaba|selam|dikkat)\s+(?:yapay\s+zeka|asistan|bot|chatgpt)\s*[,:!.]`,
  String.raw`${B}eger\s+(?:bir\s+)?(?:yapay\s+zeka|bot|asistan|dil\s+modeli)(?:ysan|san|ysen|sen|ysaniz|saniz)${E}`,
  String.raw`${SENTENCE_START}(?:дорогой|дорогая|уважаемый|привет|эй|внимание|для)\s+(?:ии|ассистент|бот|чат-?бот|нейросеть|chatgpt)\s*[,:!.]`,
  String.raw`${B}если\s+ты\s+(?:ии|бот|нейросеть|языковая\s+модель|ассистент|чат-?бот)${E}`,
  String.raw`(?:^|[\n。！？])[ \t]*(?:ai|アシスタント|ボット|チャットボット|chatgpt)(?:へ|さん|様)?[、,:]`,
  String.raw`(?:あなた|君)が(?:ai|ボット|言語モデル|人工知能)(?:なら|であれば|だったら)`,
  String.raw`(?:^|[\n。！？])[ \t]*(?:亲爱的|致|给|給|嘿)?\s*(?:ai|人工智能|助手|机器人|機器人|chatgpt)[,:]`,
  String.raw`如果你是(?:ai|人工智能|机器人|機器人|语言模型|語言模型|聊天机器人)`,
  String.raw`(?:^|[\n.!?])[ \t]*(?:ai|어시스턴트|챗봇|봇|chatgpt)(?:에게|야|님)?\s*[,:]`,
  String.raw`(?:당신이|네가|너가|니가)\s*(?:ai|인공지능|봇|챗봇|언어\s*모델)(?:라면|이라면)`,
  String.raw`${SENTENCE_START}(?:عزيزي|مرحبا|الى|ملاحظة\s+ل|تنبيه\s+ل?)\s*(?:الذكاء\s+الاصطناعي|المساعد|البوت|الروبوت|chatgpt)\s*[,:!.،]`,
  String.raw`${B}اذا\s+كنت\s+(?:ذكاء\s+اصطناعي\p{L}*|بوت|روبوت|مساعد\p{L}*|نموذج\s+لغوي)`,
].map((source) => new RegExp(assertLowerCase(source), 'mu'));

const ADDRESSES_AI = (context: RuleContext) => context.addressesAi();

/** Actions an injected message wants the model to take on the agent's side. */
const AI_ADDRESSED_ACTIONS: InjectionRule[] = [
  ...rules('output-hijack', 'en', [
    String.raw`${B}(?:tell|instruct|advise|ask|inform|remind|convince|persuade|get|make)\s+(?:the|your|this|that)\s+(?:human\s+|support\s+|customer\s+service\s+|live\s+)?(?:agent|operator|employee|staff(?:\s+member)?|representative|rep|person|team|human|user|support|colleague)\s+(?:to|that)${E}`,
    String.raw`${B}(?:suggest|recommend|propose|draft|write|generate)\s+(?:a|an|the)\s+(?:reply|response|answer|message)\s+(?:that|which|saying|offering|approving|granting|with)${E}`,
    String.raw`${B}(?:approve|issue|grant|authori[sz]e|give\s+the\s+customer|offer\s+the\s+customer)\s+(?:a\s+|an\s+|the\s+|my\s+|this\s+|them\s+a\s+)?(?:full\s+|immediate\s+|100%\s+)?(?:refund|discount|voucher|compensation|coupon|credit|free\s+\p{L}+)${E}`,
    String.raw`${B}(?:say|write|state|confirm|mention|include|add)\s+(?:that\s+)?(?:the\s+|my\s+)?(?:refund|discount|return|request|claim)\s+(?:is|has\s+been|was)\s+(?:approved|accepted|granted|confirmed)${E}`,
  ]),
  ...rules('output-hijack', 'de', [
    String.raw`${B}(?:sag|sage|teile|richte|empfiehl|schreib|schreibe)\p{L}*\s+(?:dem|der)\s+(?:agenten|mitarbeiter|mitarbeiterin|support|kundendienst|operator|menschen)`,
    String.raw`${B}(?:erstatte|genehmige|gewahre|gib|biete)\p{L}*\s+${sameSentence(25)}(?:ruckerstattung|erstattung|rabatt|gutschein|gutschrift|entschadigung)`,
  ]),
  ...rules('output-hijack', 'fr', [
    String.raw`${B}(?:dis|dites|demande|demandez|conseille|recommande|suggere|ecris)\s+a\s+l'\s*(?:agent|operateur|operatrice|conseiller|conseillere|employe|humain|equipe)`,
    String.raw`${B}(?:accorde|accordez|approuve|approuvez|rembourse|offre|offrez|donne|donnez)\p{L}*\s+${sameSentence(25)}(?:remboursement|reduction|bon\s+d'achat|avoir|geste\s+commercial)`,
  ]),
  ...rules('output-hijack', 'es', [
    String.raw`${B}(?:dile|digale|di|pidele|recomienda|sugiere|escribe)\s+al\s+(?:agente|operador|asesor|empleado|humano|soporte)`,
    String.raw`${B}(?:aprueba|concede|otorga|dame|emite|ofrece)\p{L}*\s+${sameSentence(25)}(?:reembolso|descuento|cupon|compensacion)`,
  ]),
  ...rules('output-hijack', 'pt', [
    String.raw`${B}(?:diga|diz|fale|peca|recomende|sugira|escreva)\s+ao\s+(?:agente|atendente|operador|funcionario|humano|suporte)`,
    String.raw`${B}(?:aprove|aprova|conceda|me\s+de|emita|ofereca)\p{L}*\s+${sameSentence(25)}(?:reembolso|desconto|cupom|compensacao)`,
  ]),
  ...rules('output-hijack', 'it', [
    String.raw`${B}(?:di'|dici|dite|chiedi|suggerisci|raccomanda|scrivi)\s+all'\s*(?:agente|operatore|operatrice|assistenza|dipendente|umano)`,
    String.raw`${B}(?:approva|concedi|emetti|offri|dammi)\p{L}*\s+${sameSentence(25)}(?:rimborso|sconto|buono|coupon|risarcimento)`,
  ]),
  ...rules('output-hijack', 'nl', [
    String.raw`${B}(?:zeg|vertel|adviseer|vraag)\s+(?:tegen\s+|aan\s+)?(?:de|het)\s+(?:medewerker|agent|operator|klantenservice|mens)`,
    String.raw`${B}(?:keur|geef|verleen)\p{L}*\s+${sameSentence(25)}(?:terugbetaling|restitutie|korting|tegoedbon|vergoeding)`,
  ]),
  ...rules('output-hijack', 'pl', [
    String.raw`${B}(?:powiedz|przekaz|popros|zasugeruj|napisz|polec)\s+(?:agentowi|konsultantowi|pracownikowi|operatorowi|cz[łl]owiekowi|obs[łl]udze)`,
    String.raw`${B}(?:zatwierdz|przyznaj|wydaj|daj|zaproponuj)\p{L}*\s+${sameSentence(25)}(?:zwrot|rabat|kupon|rekompensat)`,
  ]),
  ...rules('output-hijack', 'tr', [
    String.raw`${B}(?:temsilciye|calisana|operatore|destek\s+ekibine|insana)\s+${sameSentence(40)}(?:soyle|ilet|yaz|oner)`,
    String.raw`${B}(?:iade|indirim|kupon|tazminat)\p{L}*\s+(?:onayla|ver|yap|tan[ıi]mla)`,
  ]),
  ...rules('output-hijack', 'ru', [
    String.raw`${B}(?:скажи|передай|посоветуй|попроси|предложи|напиши|порекомендуй)(?:те)?\s+(?:агенту|оператору|сотруднику|менеджеру|человеку|поддержке)`,
    String.raw`${B}(?:одобри|оформи|верни|выдай|дай|предоставь)(?:те)?\s+${sameSentence(25)}(?:возврат|скидк|купон|компенсац)`,
  ]),
  ...rules('output-hijack', 'ja', [
    String.raw`(?:担当者|オペレーター|スタッフ|サポート|人間)に${sameSentence(30)}(?:伝え|言っ|指示し|勧め|提案し)`,
    String.raw`(?:返金|割引|クーポン|補償)${sameSentence(15)}(?:承認|発行|与え|出し)`,
  ]),
  ...rules('output-hijack', 'zh', [
    String.raw`(?:告诉|告訴|转告|轉告|让|讓|建议|建議|叫)(?:客服|人工|坐席|工作人员|工作人員|员工|員工|操作员|操作員)`,
    String.raw`(?:批准|同意|给我|給我|发放|發放|办理|辦理)${sameSentence(10)}(?:退款|折扣|优惠券|優惠券|补偿|補償)`,
  ]),
  ...rules('output-hijack', 'ko', [
    String.raw`(?:상담원|직원|담당자|운영자|사람)(?:에게|한테)\s*${sameSentence(30)}(?:말해|전해|알려|지시|추천|제안)`,
    String.raw`(?:환불|할인|쿠폰|보상)${sameSentence(15)}(?:승인|해\s*줘|발급|지급)`,
  ]),
  ...rules('output-hijack', 'ar', [
    String.raw`${B}(?:اخبر|قل\s+ل|ابلغ|انصح|اطلب\s+من)\s*(?:الوكيل|الموظف|الموظفة|المشغل|خدمة\s+العملاء|الانسان|الدعم)`,
    String.raw`${B}(?:وافق\s+على|امنح|اعط|اصدر)\p{L}*\s+${sameSentence(25)}(?:استرداد|خصم|كوبون|تعويض)`,
  ]),
].map((rule) => ({ ...rule, when: ADDRESSES_AI }));

/** "Reply with 'yes' if you ship to Canada" is a customer's question, not a text to output. */
const NOT_YES_OR_NO = String.raw`(?!\s*(?:yes|no|ok|okay|y|n|oui|non|ja|nein|si|sim|nao|tak|nie|da|evet|hayir)\s*["'»」』]?\s*(?:or|ou|oder|o|of|lub|ou|veya|или)?)`;

/** Instructions about the output that need no address: a quoted text to output, or a rule for the translation. */
const OUTPUT_DIRECTIVES: InjectionRule[] = [
  ...rules('output-hijack', 'en', [
    String.raw`${B}translate\s+(?:this|it|that|the\s+(?:above|following|message|text|sentence|previous\s+message)|my\s+(?:message|text))(?:\s+(?:message|text|sentence))?\s+(?:as|to\s+say|to\s+read|so\s+(?:that\s+)?it\s+(?:says|reads))\s*(?::|${Q})`,
    String.raw`${B}(?:when|while|if)\s+(?:you\s+)?translat(?:e|ing)\s+(?:this|it|that|the\s+(?:message|text|above))?\s*,?\s+(?:please\s+)?(?:write|say|add|include|insert|replace|output|change|put|use|mention|append)${E}`,
    String.raw`${B}in\s+(?:your|the)\s+translation\s*,?\s+(?:please\s+)?(?:write|say|add|include|insert|replace|put|change|mention|state|make)${E}`,
    String.raw`${B}(?:do\s+not|don't|dont|never)\s+translate\s+(?:this|the\s+following|it|that|my\s+message)(?:\s+(?:part|sentence|line|paragraph|message))?\s*(?:literally\s*)?[,;:.]?\s+(?:instead|but|just|rather)${E}`,
    String.raw`${B}(?:reply|respond|answer|output)\s+(?:only|just|solely|exclusively|simply)\s+(?:with\s+)?(?:the\s+(?:words?|phrase|text|sentence)\s+)?(?::|${Q})${NOT_YES_OR_NO}`,
    String.raw`${B}(?:reply|respond|answer)\s+(?:only|just|solely|exclusively)\s+with\s+(?:the\s+(?:words?|phrase)|one\s+word|a\s+single\s+word)${E}`,
    String.raw`${B}(?:reply|respond|answer)\s+with\s+(?:the\s+(?:words?|phrase|text|sentence)\s+)?(?:exactly\s+)?${Q}${NOT_YES_OR_NO}`,
    String.raw`${B}(?:your|the)\s+(?:(?:next|suggested|final|only)\s+)?(?:reply|response|answer|output|translation|suggestion)\s+(?:must|should|has\s+to|needs\s+to|will|shall)\s+(?:only\s+)?(?:be|say|read|contain|include|start\s+with|begin\s+with|end\s+with)\s*(?:only\s+|exactly\s+)?(?::|${Q})${NOT_YES_OR_NO}`,
    String.raw`${B}(?:add|include|insert|append|put)\s+(?:the\s+following|this\s+(?:text|sentence|line|link|phrase))\s+${words(2)}(?:to|in|into|at\s+the\s+end\s+of)\s+(?:the|your|every|each)\s+(?:reply|response|answer|translation|suggestion|output)${E}`,
  ]),
  ...rules('output-hijack', 'de', [
    String.raw`${B}ubersetze\s+(?:das|dies|diese\s+nachricht|den\s+text|es)\s+(?:als|mit)\s*(?::|${Q})`,
    String.raw`${B}antworte\s+(?:(?:nur|ausschliesslich|lediglich)\s+)?mit\s*(?::|${Q})`,
    String.raw`${B}(?:deine|die)\s+(?:antwort|ubersetzung)\s+(?:muss|soll)\s+(?:nur\s+)?(?:lauten|sein)\s*(?::|${Q})`,
  ]),
  ...rules('output-hijack', 'fr', [
    String.raw`${B}(?:traduis|traduisez)\s+(?:ceci|cela|ca|ce\s+message|le\s+message|le\s+texte)\s+(?:par|comme|en\s+disant)\s*(?::|${Q})`,
    String.raw`${B}(?:reponds|repondez)\s+(?:(?:uniquement|seulement|juste)\s+)?(?:par|avec)\s*(?::|${Q})`,
  ]),
  ...rules('output-hijack', 'es', [
    String.raw`${B}(?:traduce|traduzca)\s+(?:esto|este\s+mensaje|el\s+mensaje|el\s+texto)\s+como\s*(?::|${Q})`,
    String.raw`${B}(?:responde|responda)\s+(?:(?:solo|solamente|unicamente)\s+)?con\s*(?::|${Q})`,
  ]),
  ...rules('output-hijack', 'pt', [
    String.raw`${B}(?:traduza|traduz)\s+(?:isto|isso|esta\s+mensagem|a\s+mensagem|o\s+texto)\s+como\s*(?::|${Q})`,
    String.raw`${B}(?:responda|responde)\s+(?:(?:apenas|somente|so)\s+)?com\s*(?::|${Q})`,
  ]),
  ...rules('output-hijack', 'it', [
    String.raw`${B}(?:traduci|traduca)\s+(?:questo|questo\s+messaggio|il\s+messaggio|il\s+testo)\s+come\s*(?::|${Q})`,
    String.raw`${B}(?:rispondi|risponda)\s+(?:(?:solo|soltanto|unicamente)\s+)?con\s*(?::|${Q})`,
  ]),
  ...rules('output-hijack', 'nl', [
    String.raw`${B}vertaal\s+(?:dit|dit\s+bericht|het\s+bericht|de\s+tekst)\s+als\s*(?::|${Q})`,
    String.raw`${B}antwoord\s+(?:(?:alleen|enkel|uitsluitend)\s+)?met\s*(?::|${Q})`,
  ]),
  ...rules('output-hijack', 'pl', [
    String.raw`${B}przet[łl]umacz\s+(?:to|te\s+wiadomosc|wiadomosc|tekst)\s+jako\s*(?::|${Q})`,
    String.raw`${B}odpowiedz\s+(?:tylko|jedynie|wy[łl]acznie)\s+(?:\p{L}+\s+)?(?::|${Q})`,
  ]),
  ...rules('output-hijack', 'tr', [
    String.raw`${Q}[^"'»」』\n]{1,80}["'»」』]\s*(?:olarak|diye)\s+(?:cevir|tercume\s+et)`,
    String.raw`${B}sadece\s+${Q}[^"'»」』\n]{1,80}["'»」』]\s*(?:diye|yaz|seklinde)\s*(?:cevap\s+ver|yan[ıi]tla|yaz)?`,
  ]),
  ...rules('output-hijack', 'ru', [
    String.raw`${B}переведи(?:те)?\s+(?:это|это\s+сообщение|текст|сообщение)\s+как\s*(?::|${Q})`,
    String.raw`${B}ответь(?:те)?\s+(?:только|лишь)\s+(?:\p{L}+\s+)?(?::|${Q})`,
  ]),
  ...rules('output-hijack', 'ja', [
    String.raw`[」』"']\s*と(?:翻訳|訳)し`,
    String.raw`[」』"']\s*(?:とだけ|のみ)(?:答え|返信|返答|回答|出力|書い)`,
  ]),
  ...rules('output-hijack', 'zh', [
    String.raw`(?:翻译|翻譯|译|譯)(?:成|为|為)\s*[「“"'『]`,
    String.raw`(?:只|仅|僅)(?:回复|回覆|回答|输出|輸出|说|說)\s*[「“"':『]`,
  ]),
  ...rules('output-hijack', 'ko', [
    String.raw`["'」』]\s*(?:이?라고)\s*(?:번역|답|대답|응답|출력|써)`,
  ]),
  ...rules('output-hijack', 'ar', [
    String.raw`${B}ترجم\p{L}*\s+(?:هذا|هذه\s+الرسالة|الرسالة|النص)\s+(?:على\s+انها|ك|بـ?)\s*(?::|${Q})`,
    String.raw`${B}(?:اجب|رد)\p{L}*\s+فقط\s+ب\s*(?::|${Q})`,
  ]),
];

export const INJECTION_RULES: readonly InjectionRule[] = [
  ...OVERRIDE,
  ...ROLE_CHANGE,
  ...FAKE_ROLE_LINE,
  ...PROMPT_LEAK,
  ...SPECIAL_TOKENS,
  ...OUTPUT_DIRECTIVES,
  ...AI_ADDRESSED_ACTIONS,
];
