import type { VariantTag } from '../variants';

/**
 * Evidence for one regional variant of a Latin-script language: words, spellings and
 * constructions a customer of one region writes and a customer of the other hardly ever does.
 *
 * Weights: 2 = hardly ever written in the other variant (a word the other side does not use, a
 * construction its grammar does not have, a national brand or ID); 1 = only more frequent on this
 * side (the other side uses it too, or it has a second meaning there). Only whole words match.
 * Text is matched lower-cased and with accents removed ("voce" counts as "você"), except rules
 * marked `exactAccents`, where the accent is the evidence (BR "tênis" vs PT "ténis").
 */
export interface MarkerRule {
  variant: VariantTag;
  weight: 1 | 2;
  /** Whole words or phrases. A space matches any whitespace, a hyphen an optional hyphen or space. */
  words?: readonly string[];
  /** A construction, matched inside word boundaries. Written lower-case (unless `caseSensitive`) and without accents (unless `exactAccents`). */
  pattern?: RegExp;
  exactAccents?: boolean;
  /** Matched on the text as written (e.g. the carrier "Correos", not "correos" = e-mails). */
  caseSensitive?: boolean;
  /** A symbol rather than a word: matched anywhere, without word boundaries ("£45"). */
  symbol?: boolean;
}

/** Verbs whose British spelling ends in -ise/-isation and American in -ize/-ization. */
const IZE_STEMS =
  'organ|real|apolog|recogn|author|custom|personal|priorit|final|minim|maxim|summar|emphas|util|special|categor|critic|optim|standard|memor|familiar|sympath|synchron|visual|initial|normal|stabil|legal|capital|modern|character|central|local|harmon|item|monet|sanit|digit|scrutin|penal|general|rational|subsid|hospital';

export const LATIN_MARKER_RULES: Readonly<Partial<Record<'pt' | 'es' | 'fr' | 'en', readonly MarkerRule[]>>> = {
  pt: [
    // Brazil
    {
      variant: 'pt-BR',
      weight: 2,
      words: [
        'ônibus', 'celular', 'celulares', 'trem', 'trens', 'café da manhã', 'geladeira', 'banheiro', 'usuário',
        'usuária', 'usuários', 'cadastro', 'cadastrar', 'cadastrei', 'cadastrado', 'cadastrada', 'aplicativo',
        'aplicativos', 'nota fiscal', 'cpf', 'cep', 'pix', 'boleto', 'boletos', 'fone de ouvido', 'fones de ouvido',
        'contato', 'contatos', 'contatar', 'registro', 'valeu', 'xícara', 'caminhonete', 'Sedex',
      ],
    },
    { variant: 'pt-BR', weight: 1, words: ['você', 'vocês', 'oi', 'pra', 'né', 'tela', 'equipe', 'estorno', 'trincada', 'trincado', 'arquivo'] },
    // "Beleza, ..." as "OK" (not "produtos de beleza").
    { variant: 'pt-BR', weight: 1, pattern: /(?<=^|[.!?]\s*)beleza(?=\s*(?:[,.!]|$))/u },
    // Gerund progressive: "estou esperando", "continua aguardando" (Portugal: "estou a esperar").
    {
      variant: 'pt-BR',
      weight: 2,
      pattern:
        /(?:estou|esta|estas|estamos|estao|estava|estavam|estive|fico|fica|ficou|fiquei|ficamos|continuo|continua|continuam|ando|anda)\s+(?!quando|lindo|lindos)\p{L}{2,}(?:ando|endo|indo)/u,
    },
    // Clitic before an infinitive after a modal ("pode me ajudar"; Portugal: "pode ajudar-me").
    {
      variant: 'pt-BR',
      weight: 2,
      pattern:
        /(?:pode|podem|poderia|poderiam|podia|vai|vao|vou|vamos|quero|queria|preciso|precisa|consegue|conseguem|deve|devem|deveria)\s+(?:me|te|nos|lhe|lhes)\s+\p{L}+(?:ar|er|ir|or)/u,
    },
    // A sentence that starts with a clitic ("Me ajuda", "Me mandaram"): never in Portugal.
    { variant: 'pt-BR', weight: 2, pattern: /(?<=^|[.!?]\s*)(?:me|te)\s+\p{L}{3,}/u },
    // "faz duas semanas" for "há duas semanas".
    {
      variant: 'pt-BR',
      weight: 1,
      pattern:
        /faz\s+(?:um|uma|dois|duas|tres|quatro|cinco|\d+|alguns|algumas|muito|muitos|varios|varias)\s+(?:dia|dias|semana|semanas|mes|meses|hora|horas|minutos|ano|anos|tempo)/u,
    },
    // Closed vowel before m/n + vowel: BR "tênis, econômico, gênero, prêmio, bônus" / PT "ténis, económico…".
    { variant: 'pt-BR', weight: 2, exactAccents: true, pattern: /\p{L}*[êô][mn][aeiou]\p{L}*/u },
    { variant: 'pt-BR', weight: 2, exactAccents: true, words: ['bebê', 'bebês'] },

    // Portugal
    {
      variant: 'pt-PT',
      weight: 2,
      words: [
        'autocarro', 'telemóvel', 'telemóveis', 'comboio', 'comboios', 'pequeno-almoço', 'ecrã', 'ecrãs', 'ficheiro',
        'ficheiros', 'utilizador', 'utilizadores', 'registo', 'registar', 'registei', 'casa de banho', 'frigorífico',
        'palavra-passe', 'morada', 'moradas', 'nif', 'número de contribuinte', 'mb way', 'multibanco', 'ctt',
        'estafeta', 'sapatilhas', 'fixe', 'bué', 'facto', 'contacto', 'contactos', 'contactar', 'se faz favor',
        'vosso', 'vossa', 'vossos', 'vossas', 'montra', 'portagem', 'carrinha', 'talão',
      ],
    },
    { variant: 'pt-PT', weight: 1, words: ['imenso', 'contribuinte', 'equipa', 'sítio', 'camisola', 'demasiado', 'tenho de', 'temos de'] },
    // "estou a fazer", "está a demorar" (Brazil: "estou fazendo").
    {
      variant: 'pt-PT',
      weight: 2,
      pattern:
        /(?:estou|esta|estas|estamos|estao|estava|estavam|estive|fico|fica|ficou|fiquei|continuo|continua|continuam|ando|anda|andamos)\s+a\s+\p{L}+(?:ar|er|ir|or)/u,
    },
    { variant: 'pt-PT', weight: 2, pattern: /(?:estou|esta|estamos|estao|fico|fiquei|ficou|continuo|continua)\s+a\s+espera/u },
    // Modal + infinitive + enclitic: "podem enviar-me", "pode ajudar-me".
    {
      variant: 'pt-PT',
      weight: 2,
      pattern:
        /(?:pode|podem|poderia|poderiam|podia|podiam|consegue|conseguem|quero|queria|vou|vai|vao|deve|devem)\s+\p{L}+(?:ar|er|ir|or)-(?:me|nos|lhe|lhes|te)/u,
    },
    // Enclisis on a finite verb: "disseram-me", "cobraram-me", "mudei-me" (not "-se", common in both).
    { variant: 'pt-PT', weight: 1, pattern: /\p{L}{3,}(?:am|ei|ou|eu|iu|em|ia|ava)-(?:me|te|nos|lhe|lhes)/u },
    // Tu with its own verb forms ("estás", "podes"): Brazil uses você, or tu with the você form.
    { variant: 'pt-PT', weight: 1, exactAccents: true, words: ['estás', 'vês'] },
    { variant: 'pt-PT', weight: 1, words: ['podes', 'tens', 'queres', 'consegues', 'precisas', 'sabes'] },
    { variant: 'pt-PT', weight: 2, exactAccents: true, pattern: /\p{L}*[éó][mn][aeiou]\p{L}*/u },
    { variant: 'pt-PT', weight: 2, exactAccents: true, words: ['bebé', 'bebés'] },
  ],

  es: [
    // Spain
    {
      variant: 'es-ES',
      weight: 2,
      words: [
        'vosotros', 'vosotras', 'vuestro', 'vuestra', 'vuestros', 'vuestras', 'os', 'ordenador', 'ordenadores',
        'móvil', 'móviles', 'coche', 'coches', 'zumo', 'gafas', 'guay', 'cabreado', 'cabreada', 'cabrear', 'dni',
        'bizum', 'aparcar', 'aparcamiento', 'albarán', 'mola',
      ],
    },
    { variant: 'es-ES', weight: 1, words: ['enfadado', 'enfadada', 'portátil', 'euros', 'conducir'] },
    // Vosotros verb forms: "podéis", "habéis", "mandasteis".
    { variant: 'es-ES', weight: 2, exactAccents: true, pattern: /\p{L}+(?:áis|éis)/u },
    { variant: 'es-ES', weight: 2, pattern: /\p{L}+(?:asteis|isteis)/u },
    // "Vale" as "OK" (not "¿cuánto vale?", "vale la pena").
    { variant: 'es-ES', weight: 2, pattern: /(?<=^|[.!?¡¿,;]\s*)vale(?=\s*(?:[.!?,;]|$))/u },
    // The national postal service (lower-case "correos" is "e-mails" everywhere).
    { variant: 'es-ES', weight: 1, caseSensitive: true, pattern: /Correos(?!\s+electr)/u },

    // Latin America
    {
      variant: 'es-419',
      weight: 2,
      words: [
        'celular', 'celulares', 'celu', 'computadora', 'computadoras', 'computador', 'platicar', 'platiqué', 'platicamos',
        'ahorita', 'checar', 'chamarra', 'playera', 'playeras', 'anteojos', 'jugo', 'oxxo', 'mercado pago',
        'mercadopago', 'paquetería', 'rentar', 'renté', 'rentamos', 'rentado', 'rentada', 'ponchada', 'ponchado',
        'qué onda', 'órale', 'chido', 'chida', 'vos', 'curp', 'recámara', 'mesero',
      ],
    },
    {
      variant: 'es-419',
      weight: 1,
      words: [
        'ustedes', 'carro', 'carros', 'lentes', 'enojado', 'enojada', 'pesos', 'afuera', 'acá', 'llanta', 'estatus',
        'dale', 'chequear', 'estacionamiento', 'boleto', 'rfc',
      ],
    },
    // Voseo (Argentina, Uruguay, Central America): "tenés", "podés" (Spain: "tienes", "podéis").
    {
      variant: 'es-419',
      weight: 2,
      exactAccents: true,
      words: ['tenés', 'podés', 'querés', 'sabés', 'hacés', 'necesitás', 'mirá', 'decime', 'avisame', 'fijate'],
    },
    // "regresar" something = give it back (Spain: "devolver").
    { variant: 'es-419', weight: 2, pattern: /(?:lo|la|los|las)\s+(?:\p{L}+\s+)?regres\p{L}*|regres(?:ar|arlo|arla|arlos|arlas|e|o)(?:lo|la|los|las)/u },
    // "me quedó chica" = too small (Spain: "pequeña").
    { variant: 'es-419', weight: 1, pattern: /(?:queda|quedo|quedan|quedaron|vino|viene|vinieron)\s+(?:muy\s+)?(?:chica|chico|chicas|chicos)/u },
  ],

  fr: [
    // Canada
    {
      variant: 'fr-CA',
      weight: 2,
      words: [
        'courriel', 'courriels', 'magasiner', 'magasiné', 'magasinage', 'cellulaire', 'cellulaires', 'dépanneur',
        'fin de semaine', 'fins de semaine', 'présentement', 'icitte', 'faque', 'de la misère à', "jusqu'à date",
        'postes canada', 'tvq', 'tuque', 'tuques', 'mitaines', 'chandail', 'chandails', 'breuvage', 'pantoute',
      ],
    },
    { variant: 'fr-CA', weight: 1, words: ['char', 'chars', 'tantôt', 'allo', 'tps', 'espadrilles', "c'est correct", 'souper', 'stationnement', 'chum'] },
    // "pis" for "puis" (not "tant pis", "au pis aller").
    { variant: 'fr-CA', weight: 1, pattern: /(?<!tant\s|au\s|de\s)pis(?!\s+aller)/u },
    // The interrogative particle: "vous avez tu…?", "ça marche tu?".
    { variant: 'fr-CA', weight: 2, pattern: /(?<=(?:vous|ils|elles|on|ca|il|elle)\s+\p{L}+[\s-])tu(?=\s*\?|\s+(?:les|la|le|des|du|un|une|ca|encore|deja)\b)/u },

    // France
    {
      variant: 'fr-FR',
      weight: 2,
      words: ['point relais', 'points relais', 'point relai', 'relais colis', 'mondial relay', 'colissimo', 'chronopost', 'la poste', 'siret', 'carte vitale'],
    },
    { variant: 'fr-FR', weight: 1, words: ['mail', 'mails', 'e-mail', 'e-mails', 'week-end', 'week-ends', 'baskets', 'parking', 'pull'] },
    // The phone (an "ordinateur portable" is a laptop in both countries).
    { variant: 'fr-FR', weight: 1, pattern: /(?<!ordinateur\s)portable/u },
  ],

  en: [
    // United Kingdom
    {
      variant: 'en-GB',
      weight: 2,
      words: [
        'colour', 'colours', 'coloured', 'colourful', 'favourite', 'favourites', 'honour', 'neighbour', 'neighbours',
        'behaviour', 'flavour', 'flavours', 'labour', 'humour', 'centre', 'centres', 'theatre', 'fibre', 'litre',
        'litres', 'metres', 'cheque', 'cheques', 'jewellery', 'aluminium', 'pyjamas', 'tyre', 'tyres', 'cosy',
        'defence', 'licence', 'programme', 'fortnight', 'postcode', 'postcodes', 'trousers', 'lorry', 'petrol',
        'nappy', 'nappies', 'on holiday', 'at the weekend', 'royal mail', 'evri', 'quid', 'maths', 'analyse',
        'analysed', 'paralysed',
      ],
    },
    {
      variant: 'en-GB',
      weight: 1,
      words: [
        'grey', 'mum', 'whilst', 'amongst', 'parcel', 'parcels', 'cheers', 'trainers', 'jumper', 'queue', 'ever so',
        'hiya', 'flat number', 'my mobile', 'mobile number', 'mobile phone', 'learnt', 'spelt', 'spoilt', 'dreamt',
        'enquiry', 'enquiries', 'letterbox', 'gutted', 'catalogue',
      ],
    },
    { variant: 'en-GB', weight: 2, pattern: new RegExp(`(?:${IZE_STEMS})is(?:e|ed|es|ing|ation|ations|er|ers)`, 'u') },
    // The pound sign (not a word: matched on its own).
    { variant: 'en-GB', weight: 2, symbol: true, pattern: /£/u },

    // United States
    {
      variant: 'en-US',
      weight: 2,
      words: [
        'color', 'colors', 'colored', 'colorful', 'favorite', 'favorites', 'honor', 'neighbor', 'neighbors', 'behavior',
        'flavor', 'flavors', 'labor', 'humor', 'center', 'centers', 'theater', 'fiber', 'liter', 'liters', 'jewelry',
        'aluminum', 'pajamas', 'cozy', 'zip code', 'zipcode', 'zip codes', 'cell phone', 'cellphone', 'my cell',
        'gotten', 'usps', 'venmo', "y'all", 'on vacation', 'analyze', 'analyzed', 'paralyzed',
      ],
    },
    {
      variant: 'en-US',
      weight: 1,
      words: [
        'gray', 'mom', 'package', 'packages', 'sneakers', 'pants', 'vacation', 'on the weekend', 'trash', 'catalog',
        'canceled', 'canceling', 'traveled', 'traveling', 'labeled', 'mailman', 'defense',
      ],
    },
    { variant: 'en-US', weight: 2, pattern: new RegExp(`(?:${IZE_STEMS})iz(?:e|ed|es|ing|ation|ations|er|ers)`, 'u') },
    // "Monday through Friday".
    { variant: 'en-US', weight: 2, pattern: /\p{L}+day\s+through\s+\p{L}+day/u },
  ],
};
