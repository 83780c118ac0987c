/**
 * Invisible and format characters that can hide text from the agent while the model still reads
 * it (or reorder what the agent sees): finding them, decoding what they smuggle, and removing them.
 *
 * What is hidden, and what is not:
 * - Unicode tag characters (U+E0000–U+E007F) render as nothing but spell ASCII ("ASCII
 *   smuggling"). The one legitimate use, subdivision flags such as 🏴󠁧󠁢󠁳󠁣󠁴󠁿 (U+1F3F4 followed by tag
 *   letters and U+E007F CANCEL TAG), is kept and never flagged.
 * - Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) make the agent see text
 *   in another order than the model reads it ("Trojan Source"). Always flagged and removed. The
 *   marks LRM, RLM and ALM (U+200E, U+200F, U+061C) only nudge neutral characters in right-to-left
 *   text, are common in normal Arabic and Hebrew, and are kept.
 * - Zero-width characters (ZWSP, word joiner, BOM, invisible operators, …) have no use in chat text:
 *   removed. A run of several of them (a binary encoding of hidden text) or several of them inside
 *   words (splitting "ig​nore" past keyword filters) is flagged; a stray one (from copy and paste,
 *   a BOM at the start) is not.
 * - ZWJ is kept inside emoji sequences (👩‍💻, 🏳️‍🌈) and between letters of scripts that join
 *   (Indic conjuncts); ZWNJ between letters of scripts that need it (Persian "می‌خواهم", Hindi);
 *   the Mongolian vowel separator between Mongolian letters. Anywhere else they are treated like
 *   the zero-width characters above.
 * - Variation selectors: one after a character is normal (❤️ = U+2764 U+FE0F). Runs of them carry
 *   bytes (one selector per byte, "emoji smuggling"): extra selectors are removed, and a run of
 *   RUN_OF_VARIATION_SELECTORS or more is flagged and decoded.
 * - The soft hyphen (U+00AD) is invisible but harmless and common in text copied from web pages:
 *   removed, never flagged.
 */

/** Consecutive zero-width characters from this many on are a hidden encoding, not a paste accident. */
const ZERO_WIDTH_RUN = 3;
/** Zero-width characters between two letters (splitting words) from this many on are flagged. */
const ZERO_WIDTH_INSIDE_WORDS = 3;
/** Consecutive variation selectors from this many on are a hidden payload (bytes), not an emoji. */
const RUN_OF_VARIATION_SELECTORS = 4;

const ZWNJ = 0x200c;
const ZWJ = 0x200d;
/** Mongolian vowel separator: part of Mongolian spelling, hidden anywhere else. */
const MVS = 0x180e;
const BOM = 0xfeff;
const BLACK_FLAG = 0x1f3f4;
const CANCEL_TAG = 0xe007f;

function isTagCharacter(cp: number): boolean {
  return cp >= 0xe0000 && cp <= 0xe007f;
}

/** Embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069). */
function isBidiControl(cp: number): boolean {
  return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/** LRM, RLM, ALM: harmless direction marks of normal right-to-left writing. */
function isDirectionMark(cp: number): boolean {
  return cp === 0x200e || cp === 0x200f || cp === 0x061c;
}

/** Zero-width and invisible format characters that chat text never needs. */
function isAlwaysInvisible(cp: number): boolean {
  return (
    cp === 0x200b || // zero width space
    (cp >= 0x2060 && cp <= 0x2064) || // word joiner, invisible operators
    (cp >= 0x206a && cp <= 0x206f) || // deprecated format characters
    cp === BOM ||
    cp === 0x034f || // combining grapheme joiner
    (cp >= 0xfff9 && cp <= 0xfffb) // interlinear annotation
  );
}

function isVariationSelector(cp: number): boolean {
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

const SOFT_HYPHEN = 0x00ad;

const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Scripts whose shaping uses ZWJ/ZWNJ between letters (Persian, Urdu, Indic scripts, …). */
const JOINING_SCRIPT =
  /[\p{scx=Arabic}\p{scx=Syriac}\p{scx=Nko}\p{scx=Mongolian}\p{scx=Thaana}\p{scx=Devanagari}\p{scx=Bengali}\p{scx=Gurmukhi}\p{scx=Gujarati}\p{scx=Oriya}\p{scx=Tamil}\p{scx=Telugu}\p{scx=Kannada}\p{scx=Malayalam}\p{scx=Sinhala}\p{scx=Khmer}\p{scx=Myanmar}\p{scx=Tibetan}]/u;

function charOf(cp: number | undefined): string {
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** What may come before a ZWJ in an emoji sequence: a pictograph, a skin tone, VS16, a keycap or a closed tag sequence. */
function endsEmoji(cp: number | undefined): boolean {
  if (cp === undefined) return false;
  return PICTOGRAPHIC.test(charOf(cp)) || (cp >= 0x1f3fb && cp <= 0x1f3ff) || cp === 0xfe0f || cp === 0x20e3 || cp === CANCEL_TAG;
}

/** What may come after a ZWJ in an emoji sequence (hair components are not Extended_Pictographic everywhere). */
function startsEmoji(cp: number | undefined): boolean {
  if (cp === undefined) return false;
  return PICTOGRAPHIC.test(charOf(cp)) || (cp >= 0x1f9b0 && cp <= 0x1f9b3);
}

/** Between two letters (or marks) of a script that joins, where ZWJ/ZWNJ change how the word is drawn. */
function betweenJoiningLetters(previous: number | undefined, next: number | undefined): boolean {
  const before = charOf(previous);
  const after = charOf(next);
  return LETTER_OR_MARK.test(before) && LETTER_OR_MARK.test(after) && (JOINING_SCRIPT.test(before) || JOINING_SCRIPT.test(after));
}

/** A ZWJ, ZWNJ or Mongolian vowel separator the writing needs (emoji sequence, Persian, Indic or Mongolian word). */
function isNeededJoiner(cp: number, previous: number | undefined, next: number | undefined): boolean {
  if (cp === ZWJ && endsEmoji(previous) && startsEmoji(next)) return true;
  return betweenJoiningLetters(previous, next);
}

function codePointsOf(text: string): number[] {
  const points: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    points.push(cp);
    if (cp > 0xffff) i++;
  }
  return points;
}

/**
 * Tag letters and digits then CANCEL TAG, right after 🏴: a subdivision flag (England "gbeng",
 * Scotland "gbsct", Texas "ustx"). Subdivision codes have at most 6 characters, so a long "flag"
 * (🏴 + "ignoreallrules" + CANCEL) is hidden text, not an emoji.
 */
function isEmojiTagSequence(points: readonly number[], start: number, end: number): boolean {
  if (start === 0 || points[start - 1] !== BLACK_FLAG) return false;
  if (points[end - 1] !== CANCEL_TAG || end - start < 3 || end - start > 7) return false;
  for (let i = start; i < end - 1; i++) {
    const cp = points[i]!;
    const digit = cp >= 0xe0030 && cp <= 0xe0039;
    const lowercase = cp >= 0xe0061 && cp <= 0xe007a;
    if (!digit && !lowercase) return false;
  }
  return true;
}

/** Tag characters U+E0020–U+E007E spell ASCII; the others decode to nothing. */
function decodeTags(points: readonly number[]): string {
  return points
    .filter((cp) => cp >= 0xe0020 && cp <= 0xe007e)
    .map((cp) => String.fromCharCode(cp - 0xe0000))
    .join('');
}

/** One byte per selector: VS1–VS16 are 0–15, VS17–VS256 are 16–255; read as UTF-8. */
function decodeVariationSelectors(points: readonly number[]): string {
  const bytes = points.map((cp) => (cp <= 0xfe0f ? cp - 0xfe00 : cp - 0xe0100 + 16));
  return new TextDecoder('utf-8', { fatal: false }).decode(new Uint8Array(bytes));
}

function hex(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Short, printable: control characters and replacement characters out, at most 60 characters. */
function printable(text: string): string {
  const clean = text.replace(/[\p{Cc}\uFFFD]+/gu, ' ').replace(/\s+/g, ' ').trim();
  return clean.length > 60 ? `${clean.slice(0, 59)}…` : clean;
}

export interface HiddenCharacterScan {
  /** The text without the characters that can hide instructions (what `stripHiddenCharacters` returns). */
  visible: string;
  /** True when the hidden characters look deliberate (see the thresholds above). */
  suspicious: boolean;
  /** What was found, for the agent: short descriptions. */
  evidence: string[];
  /** Text smuggled in tag characters or variation selectors, decoded, to be checked for instructions too. */
  payloads: string[];
}

const NOTHING_HIDDEN = (text: string): HiddenCharacterScan => ({ visible: text, suspicious: false, evidence: [], payloads: [] });

/** All characters that could matter are outside ASCII: most messages take this exit. */
const ANY_CANDIDATE = /[\u00AD\u034F\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFE00-\uFE0F\uFEFF\uFFF9-\uFFFB]|\uDB40[\uDC00-\uDDEF]/;

/** Finds, decodes and removes hidden characters in one pass. */
export function scanHiddenCharacters(text: string): HiddenCharacterScan {
  if (!ANY_CANDIDATE.test(text)) return NOTHING_HIDDEN(text);
  const points = codePointsOf(text);
  const kept: string[] = [];
  const evidence: string[] = [];
  const payloads: string[] = [];
  const bidiFound = new Map<number, number>();
  let zeroWidthRun = 0;
  let longestZeroWidthRun = 0;
  let insideWords = 0;
  let tagCount = 0;
  const tagPoints: number[] = [];

  for (let i = 0; i < points.length; i++) {
    const cp = points[i]!;
    const previous = points[i - 1];
    const next = points[i + 1];

    if (isTagCharacter(cp)) {
      let end = i;
      while (end < points.length && isTagCharacter(points[end]!)) end++;
      if (isEmojiTagSequence(points, i, end)) {
        for (let k = i; k < end; k++) kept.push(charOf(points[k]));
      } else {
        tagCount += end - i;
        tagPoints.push(...points.slice(i, end), 0x20);
      }
      i = end - 1;
      zeroWidthRun = 0;
      continue;
    }

    if (isVariationSelector(cp)) {
      let end = i;
      while (end < points.length && isVariationSelector(points[end]!)) end++;
      const run = points.slice(i, end);
      // The first selector after a visible character is how emoji and some CJK forms are chosen.
      const base = previous !== undefined && !/\s/.test(charOf(previous)) && !isAlwaysInvisible(previous) && previous !== ZWJ && previous !== ZWNJ;
      if (base) kept.push(charOf(cp));
      if (run.length >= RUN_OF_VARIATION_SELECTORS) {
        evidence.push(`variation selectors (${run.length} in a row)`);
        const decoded = printable(decodeVariationSelectors(run));
        if (/\p{L}/u.test(decoded)) payloads.push(decoded);
      }
      i = end - 1;
      zeroWidthRun = 0;
      continue;
    }

    if (isBidiControl(cp)) {
      bidiFound.set(cp, (bidiFound.get(cp) ?? 0) + 1);
      continue;
    }

    if (cp === SOFT_HYPHEN || (cp === BOM && i === 0)) continue;

    const joiner = cp === ZWJ || cp === ZWNJ || cp === MVS;
    if (isAlwaysInvisible(cp) || (joiner && !isNeededJoiner(cp, previous, next))) {
      zeroWidthRun++;
      longestZeroWidthRun = Math.max(longestZeroWidthRun, zeroWidthRun);
      // Counted once per gap: the next visible character decides whether the gap was inside a word.
      if (zeroWidthRun === 1) {
        let after = i + 1;
        while (after < points.length && (isAlwaysInvisible(points[after]!) || points[after] === ZWJ || points[after] === ZWNJ || points[after] === MVS)) after++;
        if (LETTER_OR_DIGIT.test(charOf(previous)) && LETTER_OR_DIGIT.test(charOf(points[after]))) insideWords++;
      }
      continue;
    }

    zeroWidthRun = 0;
    kept.push(charOf(cp));
  }

  if (tagCount > 0) {
    const decoded = printable(decodeTags(tagPoints));
    evidence.push(decoded ? `tag characters (${tagCount}): "${decoded}"` : `tag characters (${tagCount})`);
    if (decoded) payloads.push(decoded);
  }
  if (bidiFound.size > 0) {
    const list = [...bidiFound].map(([cp, count]) => (count > 1 ? `${hex(cp)} ×${count}` : hex(cp)));
    evidence.push(`bidi controls: ${list.join(', ')}`);
  }
  if (longestZeroWidthRun >= ZERO_WIDTH_RUN) evidence.push(`zero-width characters: a run of ${longestZeroWidthRun}`);
  if (insideWords >= ZERO_WIDTH_INSIDE_WORDS) evidence.push(`zero-width characters inside words (${insideWords})`);

  return { visible: kept.join(''), suspicious: evidence.length > 0, evidence, payloads };
}

/**
 * The text without invisible/format characters that can hide instructions (keeps ZWJ inside emoji
 * sequences and ZWNJ between letters of scripts that need it, e.g. Persian).
 */
export function stripHiddenCharacters(text: string): string {
  return scanHiddenCharacters(text).visible;
}

/**
 * Whether a code point is dropped before matching words: every character above, including the
 * needed joiners, direction marks and variation selectors (they never change which word it is).
 */
export function isIgnoredWhenMatching(cp: number): boolean {
  return (
    isTagCharacter(cp) ||
    isBidiControl(cp) ||
    isDirectionMark(cp) ||
    isAlwaysInvisible(cp) ||
    isVariationSelector(cp) ||
    cp === ZWJ ||
    cp === ZWNJ ||
    cp === SOFT_HYPHEN ||
    (cp >= 0x180b && cp <= 0x180f) // Mongolian free variation selectors and vowel separator
  );
}
