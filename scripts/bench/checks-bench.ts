/**
 * `npm run bench:checks`: the hard checks run before a reply goes into the composer (formality and
 * meaning), next to naive baselines measured in the same run. Figures only: this is a benchmark,
 * not a test, and asserts nothing.
 *
 * Data (tests/fixtures/checks/): hand-written support replies labelled formal / informal / neutral
 * in 11 languages, and faithful and unfaithful translation pairs (one altered fact each). Each set
 * has a dev split (what the checks were tuned on) and a held-out split (written before the checks
 * existed and never used for tuning). Formality has a second held-out split for Turkish and Korean
 * ("held-out 2"), written after the first one's misses there had been seen and before the rules
 * were changed for them; the other languages show "–" in that column.
 *
 * Method:
 * - Formality accuracy: the detected register equals the label. Baseline: a plain keyword search
 *   (formal words such as "Sie", "vous", "usted", です; informal ones such as "du", "tu", だ; case-
 *   insensitive, whole words; informal wins when both appear; neither: neutral).
 * - Meaning: "caught" is the share of unfaithful pairs answered faithful: false ("right kind": one
 *   of the issues has the altered fact's kind); "false alarms" is the share of faithful pairs
 *   answered faithful: false. Baseline: plain digit-string equality (the multisets of digit runs in
 *   both texts must be equal).
 * - Time per reply: every item, one warm-up pass, then five timed passes, each call timed on its
 *   own with process.hrtime; p50 and p95 in µs. "All checks" is runChecks with the starter market of
 *   the reply's language and the draft as source (formality, emoji, phrases, glossary, meaning).
 *   Cold: a fresh Node process imports the module and times its first call (import included, and
 *   first call alone); median of 5 processes.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectFormality, type Formality } from '../../services/checks/formality/detect-formality';
import { checkMeaning } from '../../services/checks/meaning/check-meaning';
import { runChecks } from '../../services/checks/run-checks';
import type { MarketProfile } from '../../services/markets/market-profile';
import { createStarterMarkets } from '../../services/markets/starter-markets';
import { loadFormalitySet, loadMeaningSet, type FormalityItem, type MeaningItem } from '../../tests/fixtures/checks/eval-sets';

const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const COLD_RUNS = 5;
const TIMED_PASSES = 5;

// ---------------------------------------------------------------------------------------------
// Baselines

const BASELINE_WORDS: Record<string, { formal: string[]; informal: string[] }> = {
  de: { formal: ['Sie', 'Ihnen', 'Ihr', 'Ihre'], informal: ['du', 'dich', 'dir', 'dein', 'deine'] },
  fr: { formal: ['vous', 'votre', 'vos'], informal: ['tu', 'te', 'ton', 'ta', 'tes'] },
  es: { formal: ['usted', 'ustedes', 'su'], informal: ['tú', 'tu', 'te', 'tus'] },
  pt: { formal: ['senhor', 'senhora', 'você'], informal: ['tu', 'te', 'teu', 'tua'] },
  it: { formal: ['Lei', 'Suo', 'Sua'], informal: ['tu', 'ti', 'tuo', 'tua'] },
  nl: { formal: ['u', 'uw'], informal: ['je', 'jij', 'jouw'] },
  pl: { formal: ['Pan', 'Pani', 'Państwo', 'Państwa'], informal: ['ty', 'ci', 'cię', 'twój', 'twoje'] },
  ru: { formal: ['вы', 'вас', 'вам', 'ваш'], informal: ['ты', 'тебя', 'тебе', 'твой'] },
  tr: { formal: ['siz', 'size', 'sizin'], informal: ['sen', 'sana', 'senin'] },
  ja: { formal: ['です', 'ます'], informal: ['だ', 'よ'] },
  ko: { formal: ['요', '니다'], informal: ['어', '야'] },
};

function baselineFormality(text: string, language: string): Formality {
  const words = BASELINE_WORDS[language];
  if (!words) return 'neutral';
  const has = (list: string[]) =>
    list.some((word) =>
      language === 'ja' || language === 'ko'
        ? text.includes(word)
        : new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'iu').test(text),
    );
  if (has(words.informal)) return 'informal';
  return has(words.formal) ? 'formal' : 'neutral';
}

function baselineMeaning(source: string, translation: string): boolean {
  const digits = (text: string) => (text.normalize('NFKC').match(/\d+/gu) ?? []).sort().join(' ');
  return digits(source) === digits(translation);
}

// ---------------------------------------------------------------------------------------------
// Timing

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function timePerCall<T>(items: readonly T[], call: (item: T) => unknown): { p50: number; p95: number; max: number } {
  for (const item of items) call(item);
  const samples: number[] = [];
  for (let pass = 0; pass < TIMED_PASSES; pass++) {
    for (const item of items) {
      const start = process.hrtime.bigint();
      call(item);
      samples.push(Number(process.hrtime.bigint() - start) / 1000);
    }
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), max: samples[samples.length - 1]! };
}

/** A fresh process: import the modules (as m0, m1…), time the first call. Prints JSON {withImportMs, firstCallMs}. */
const COLD_PROBE = (modulePaths: readonly string[], call: string) => `
const t0 = performance.now();
${modulePaths.map((path, index) => `const m${index} = await import(${JSON.stringify(path)});`).join('\n')}
const t1 = performance.now();
${call}
const t2 = performance.now();
process.stdout.write(JSON.stringify({ withImportMs: t2 - t0, firstCallMs: t2 - t1 }));
`;

function coldStart(dir: string, name: string, modulePaths: readonly string[], call: string): { withImportMs: number; firstCallMs: number } {
  const file = join(dir, `${name}.mts`);
  writeFileSync(file, COLD_PROBE(modulePaths, call));
  const runs: Array<{ withImportMs: number; firstCallMs: number }> = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8', cwd: ROOT });
    if (run.status !== 0) throw new Error(`cold probe ${name} failed:\n${run.stderr}`);
    runs.push(JSON.parse(run.stdout) as { withImportMs: number; firstCallMs: number });
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { withImportMs: median(runs.map((r) => r.withImportMs)), firstCallMs: median(runs.map((r) => r.firstCallMs)) };
}

// ---------------------------------------------------------------------------------------------
// Tables

const pct = (part: number, whole: number) => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`);
function row(cells: string[], widths: number[]): string {
  return cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[index]!))).join('  ');
}

function formalityTable(dev: FormalityItem[], heldOut: FormalityItem[], heldOut2: FormalityItem[], lines: string[]): void {
  const widths = [8, 5, 9, 9, 5, 9, 9, 5, 9, 9];
  lines.push(`Formality: accuracy per language (label formal / informal / neutral)`);
  lines.push(row(['', 'dev', '', '', 'held-out', '', '', 'held-out 2', '', ''], widths));
  lines.push(row(['Language', 'n', 'baseline', 'Parley', 'n', 'baseline', 'Parley', 'n', 'baseline', 'Parley'], widths));
  const languages = [...new Set([...dev, ...heldOut, ...heldOut2].map((item) => item.language))];
  const parley = (item: FormalityItem) => detectFormality(item.text, item.lang).formality;
  const baseline = (item: FormalityItem) => baselineFormality(item.text, item.language);
  const score = (items: FormalityItem[], detect: (item: FormalityItem) => Formality) => items.filter((item) => detect(item) === item.label).length;
  /** n, baseline, Parley for one split; "–" where the split has no replies in the language. */
  const cells = (items: FormalityItem[]) =>
    items.length === 0 ? ['–', '–', '–'] : [String(items.length), pct(score(items, baseline), items.length), pct(score(items, parley), items.length)];
  for (const language of languages) {
    const of = (items: FormalityItem[]) => items.filter((item) => item.language === language);
    lines.push(row([language, ...cells(of(dev)), ...cells(of(heldOut)), ...cells(of(heldOut2))], widths));
  }
  lines.push(row(['all', ...cells(dev), ...cells(heldOut), ...cells(heldOut2)], widths));
  for (const [name, items] of [['Held-out', heldOut], ['Held-out 2', heldOut2]] as const) {
    const wrong = items.filter((item) => parley(item) !== item.label);
    if (wrong.length === 0) continue;
    lines.push('');
    lines.push(`${name} replies Parley gets wrong (label → answer):`);
    for (const item of wrong) lines.push(`  ${item.lang.padEnd(5)} ${item.label} → ${parley(item)}: ${item.text}`);
  }
}

function meaningTable(dev: MeaningItem[], heldOut: MeaningItem[], lines: string[]): void {
  const widths = [34, 5, 9, 9, 5, 9, 9];
  lines.push('Meaning: altered facts caught, false alarms on faithful pairs');
  lines.push(row(['', 'dev', '', '', 'held-out', '', ''], widths));
  lines.push(row(['', 'n', 'baseline', 'Parley', 'n', 'baseline', 'Parley'], widths));
  const parley = (item: MeaningItem) =>
    checkMeaning({ sourceLang: item.sourceLang, source: item.source, targetLang: item.targetLang, translation: item.translation });
  const figures = (items: MeaningItem[]) => {
    const altered = items.filter((item) => !item.faithful);
    const faithful = items.filter((item) => item.faithful);
    return {
      altered: altered.length,
      faithful: faithful.length,
      caughtBaseline: altered.filter((item) => !baselineMeaning(item.source, item.translation)).length,
      caught: altered.filter((item) => !parley(item).faithful).length,
      rightKind: altered.filter((item) => parley(item).issues.some((issue) => issue.kind === item.altered)).length,
      alarmsBaseline: faithful.filter((item) => !baselineMeaning(item.source, item.translation)).length,
      alarms: faithful.filter((item) => !parley(item).faithful).length,
    };
  };
  const d = figures(dev);
  const h = figures(heldOut);
  lines.push(row(['altered facts caught', String(d.altered), pct(d.caughtBaseline, d.altered), pct(d.caught, d.altered), String(h.altered), pct(h.caughtBaseline, h.altered), pct(h.caught, h.altered)], widths));
  lines.push(row(['  … with the right issue kind', '', 'n/a', pct(d.rightKind, d.altered), '', 'n/a', pct(h.rightKind, h.altered)], widths));
  lines.push(row(['false alarms on faithful pairs', String(d.faithful), pct(d.alarmsBaseline, d.faithful), pct(d.alarms, d.faithful), String(h.faithful), pct(h.alarmsBaseline, h.faithful), pct(h.alarms, h.faithful)], widths));

  const byKind = new Map<string, { n: number; caught: number }>();
  for (const item of [...dev, ...heldOut].filter((i) => !i.faithful)) {
    const entry = byKind.get(item.altered!) ?? { n: 0, caught: 0 };
    entry.n++;
    entry.caught += parley(item).faithful ? 0 : 1;
    byKind.set(item.altered!, entry);
  }
  lines.push('');
  lines.push(`Caught per altered kind, both splits: ${[...byKind].map(([kind, e]) => `${kind} ${e.caught}/${e.n}`).join(', ')}`);
  const wrong = heldOut.filter((item) => parley(item).faithful !== item.faithful);
  if (wrong.length > 0) {
    lines.push('Held-out pairs Parley gets wrong:');
    for (const item of wrong) {
      const issues = parley(item).issues.map((i) => i.message).join(' | ');
      lines.push(`  ${item.faithful ? 'false alarm' : `missed ${item.altered}`}: ${item.translation}${issues ? `  [${issues}]` : ''}`);
    }
  }
}

async function main() {
  const formalityDev = loadFormalitySet('dev');
  const formalityHeldOut = loadFormalitySet('held-out');
  const formalityHeldOut2 = loadFormalitySet('held-out-2');
  const meaningDev = loadMeaningSet('dev');
  const meaningHeldOut = loadMeaningSet('held-out');
  const lines: string[] = [];
  lines.push(`Hard checks before insertion: ${formalityDev.length + formalityHeldOut.length + formalityHeldOut2.length} labelled replies, ${meaningDev.length + meaningHeldOut.length} translation pairs`);
  lines.push(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}`);
  lines.push('');
  formalityTable(formalityDev, formalityHeldOut, formalityHeldOut2, lines);
  lines.push('');
  meaningTable(meaningDev, meaningHeldOut, lines);
  lines.push('');

  // Time per reply.
  const markets = createStarterMarkets();
  const marketFor = (lang: string): MarketProfile =>
    markets.find((m) => m.variant?.toLowerCase() === lang.toLowerCase()) ?? markets.find((m) => m.language === lang.split('-')[0] && m.defaultForLanguage) ?? markets[0]!;
  const replies = [...formalityDev, ...formalityHeldOut, ...formalityHeldOut2];
  const pairs = [...meaningDev, ...meaningHeldOut];
  const timings: Array<[string, { p50: number; p95: number; max: number }]> = [
    ['formality: baseline keyword search', timePerCall(replies, (item) => baselineFormality(item.text, item.language))],
    ['formality: detectFormality', timePerCall(replies, (item) => detectFormality(item.text, item.lang))],
    ['meaning: baseline digit equality', timePerCall(pairs, (item) => baselineMeaning(item.source, item.translation))],
    ['meaning: checkMeaning', timePerCall(pairs, (item) => checkMeaning({ sourceLang: item.sourceLang, source: item.source, targetLang: item.targetLang, translation: item.translation }))],
    [
      'all checks: runChecks (market + draft)',
      timePerCall(pairs, (item) => runChecks(marketFor(item.targetLang), { text: item.translation, language: item.targetLang, source: { text: item.source, language: item.sourceLang } })),
    ],
  ];

  const cacheDir = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cacheDir, { recursive: true });
  const dir = mkdtempSync(join(cacheDir, 'parley-bench-checks-'));
  let colds: Record<string, { withImportMs: number; firstCallMs: number }>;
  try {
    colds = {
      'formality: detectFormality': coldStart(
        dir,
        'formality',
        [join(ROOT, 'services/checks/formality/detect-formality.ts')],
        `m0.detectFormality('Können Sie uns bitte ein Foto schicken?', 'de');`,
      ),
      'meaning: checkMeaning': coldStart(
        dir,
        'meaning',
        [join(ROOT, 'services/checks/meaning/check-meaning.ts')],
        `m0.checkMeaning({ sourceLang: 'en', source: 'We refunded €1,299.00 on 12 May.', targetLang: 'de', translation: 'Wir haben am 12. Mai 1.299,00 € erstattet.' });`,
      ),
      'all checks: runChecks (market + draft)': coldStart(
        dir,
        'run-checks',
        [join(ROOT, 'services/checks/run-checks.ts'), join(ROOT, 'services/markets/starter-markets.ts')],
        `m0.runChecks(m1.createStarterMarkets()[0], { text: 'Wir haben Ihnen am 12. Mai 1.299,00 € erstattet.', source: { text: 'We refunded €1,299.00 on 12 May.', language: 'en' } });`,
      ),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const widths = [40, 10, 10, 10, 16, 16];
  lines.push(`Time per reply after warm-up (${TIMED_PASSES} passes over every item), and cold (fresh process, median of ${COLD_RUNS})`);
  lines.push(row(['Check', 'p50 µs', 'p95 µs', 'max µs', 'cold 1st call', 'cold + import'], widths));
  for (const [name, t] of timings) {
    const cold = colds[name];
    lines.push(
      row(
        [name, t.p50.toFixed(1), t.p95.toFixed(1), t.max.toFixed(0), cold ? `${cold.firstCallMs.toFixed(1)} ms` : '–', cold ? `${cold.withImportMs.toFixed(1)} ms` : '–'],
        widths,
      ),
    );
  }
  lines.push('');
  lines.push('Targets: formality ≥ 97% per language; meaning catches ≥ 98% of altered facts with ≤ 2% false alarms; each check < 1 ms per reply.');
  console.log(lines.join('\n'));
}

await main();
