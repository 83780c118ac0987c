/**
 * `npm run bench:lang`: per-message language detection, Parley's detector next to franc used as
 * it comes and franc restricted to the candidate languages, in one run. Figures only: this is a
 * benchmark, not a test, and asserts nothing.
 *
 * Data (tests/fixtures/language/messages/eval-sets.ts): hand-written short support-chat messages
 * in the 20 supported languages, and 3–6 and 7–15 word fragments of the UDHR; each split into
 * 'dev' (what the detector was tuned on) and 'held-out' (never looked at while tuning). Candidates:
 * all 20 supported languages.
 *
 * Method:
 * - Each detector is bundled on its own with Vite (minified, as in the extension) and run in a
 *   fresh Node process, so the three do not share module caches or warm-up.
 * - Accuracy: the detector's language equals the message's. franc's 'und' and languages outside
 *   the supported set count as wrong. franc as it comes is `franc(text)` (187 languages, 'und'
 *   under 10 characters); restricted is `franc(text, { only: <20 languages>, minLength: 1 })`.
 *   Ambiguous one-word messages ("ok", "hi", "danke") are scored apart: what counts there is that
 *   Parley says 'low' (franc has no confidence to give).
 * - Throughput: all messages and fragments, five passes after one warm-up pass; the median pass.
 * - Cold start: from the start of `import()` of the bundle to the first result (Parley builds its
 *   n-gram table on the first detection, so that is included); median of 5 fresh processes.
 * - Memory: `process.memoryUsage()` after a forced GC (`--expose-gc`), just before the import and
 *   after the first result: heapUsed + external is what the loaded code and its data keep alive,
 *   which is what the background would hold; rss is shown too (it also counts code and allocator
 *   slack, and is noisier); median of the same 5 processes. franc is already in the background, so
 *   Parley adds its own figure minus franc restricted's.
 * - Bundle: the minified bundle of each detector, raw and gzipped (level 9). franc is already in the
 *   background, so Parley adds its bundle minus franc's.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { SUPPORTED_LANGUAGES, SUPPORTED_LANGUAGE_CODES, type SupportedLanguage } from '../../services/language/supported-languages';
import { loadChatMessages, udhrFragments, type EvalItem } from '../../tests/fixtures/language/messages/eval-sets';

const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const FRANC_ONLY = SUPPORTED_LANGUAGES.map((l) => l.franc);
/** Fresh processes per detector for cold start and memory (the median is shown). */
const COLD_RUNS = 5;

interface Detector {
  key: 'franc' | 'francOnly' | 'parley';
  title: string;
  /** Source of a module exporting `detect(text): [language | null, confidence | null]`. */
  entry: string;
}

const FROM_FRANC = `const FROM_FRANC = new Map(${JSON.stringify(SUPPORTED_LANGUAGES.map((l) => [l.franc, l.code]))});`;
const DETECTORS: Detector[] = [
  {
    key: 'franc',
    title: 'franc as it comes',
    entry: `import { franc } from 'franc';\n${FROM_FRANC}\nexport const detect = (text) => [FROM_FRANC.get(franc(text)) ?? null, null];`,
  },
  {
    key: 'francOnly',
    title: 'franc restricted',
    entry:
      `import { franc } from 'franc';\n${FROM_FRANC}\nconst only = ${JSON.stringify(FRANC_ONLY)};\n` +
      `export const detect = (text) => [FROM_FRANC.get(franc(text, { only, minLength: 1 })) ?? null, null];`,
  },
  {
    key: 'parley',
    title: 'Parley',
    entry:
      `import { detectLanguage } from '@/services/language/detect-language';\n` +
      `export const detect = (text) => { const d = detectLanguage(text); return [d.language, d.confidence]; };`,
  },
];

/** Runs in a fresh Node process: loads one bundle, reports cold start, memory, answers, throughput. */
const PROBE = `
const [bundle, textsFile, mode] = process.argv.slice(2);
globalThis.gc(); globalThis.gc();
const before = process.memoryUsage();
const start = performance.now();
const { detect } = await import(bundle);
detect('Where is my order?');
const coldStartMs = performance.now() - start;
globalThis.gc(); globalThis.gc();
const after = process.memoryUsage();
const cold = {
  coldStartMs,
  retainedBytes: after.heapUsed + after.external - before.heapUsed - before.external,
  rssBytes: after.rss - before.rss,
};
if (mode === 'cold') {
  process.stdout.write(JSON.stringify(cold));
  process.exit(0);
}
const { readFileSync } = await import('node:fs');
const texts = JSON.parse(readFileSync(textsFile, 'utf8'));
const answers = texts.map((text) => detect(text));
const passes = [];
for (let pass = 0; pass < 6; pass++) {
  const t0 = performance.now();
  for (const text of texts) detect(text);
  if (pass > 0) passes.push(texts.length / ((performance.now() - t0) / 1000));
}
passes.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({
  ...cold,
  answers,
  perSecond: passes[Math.floor(passes.length / 2)],
}));
`;

interface ProbeResult {
  coldStartMs: number;
  retainedBytes: number;
  rssBytes: number;
  answers: Array<[SupportedLanguage | null, 'high' | 'low' | 'none' | null]>;
  perSecond: number;
}

async function bundle(detector: Detector, dir: string): Promise<{ file: string; bytes: number; gzipBytes: number }> {
  const entryFile = join(dir, `${detector.key}-entry.js`);
  writeFileSync(entryFile, detector.entry);
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: { '@': ROOT } },
    build: { write: false, minify: true, lib: { entry: entryFile, formats: ['es'], fileName: detector.key } },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const chunk = (outputs[0] as { output: Array<{ type: string; code?: string }> }).output.find((o) => o.type === 'chunk');
  if (!chunk?.code) throw new Error(`${detector.key}: empty bundle`);
  const file = join(dir, `${detector.key}.mjs`);
  writeFileSync(file, chunk.code);
  return { file, bytes: Buffer.byteLength(chunk.code), gzipBytes: gzipSync(chunk.code, { level: 9 }).length };
}

function probeOnce<T>(file: string, textsFile: string, probeFile: string, mode: 'cold' | 'full'): T {
  const run = spawnSync(process.execPath, ['--expose-gc', probeFile, file, textsFile, mode], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`probe of ${file} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

/** Answers and throughput from one process; cold start and memory: the median of COLD_RUNS fresh ones. */
function probe(file: string, textsFile: string, probeFile: string): ProbeResult {
  const full = probeOnce<ProbeResult>(file, textsFile, probeFile, 'full');
  const colds = Array.from({ length: COLD_RUNS }, () =>
    probeOnce<Pick<ProbeResult, 'coldStartMs' | 'retainedBytes' | 'rssBytes'>>(file, textsFile, probeFile, 'cold'),
  );
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return {
    ...full,
    coldStartMs: median(colds.map((cold) => cold.coldStartMs)),
    retainedBytes: median(colds.map((cold) => cold.retainedBytes)),
    rssBytes: median(colds.map((cold) => cold.rssBytes)),
  };
}

// ---------------------------------------------------------------------------------------------
// Table

const pct = (part: number, whole: number) => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`);
const pad = (text: string, width: number) => text.padEnd(width);
const padStart = (text: string, width: number) => text.padStart(width);

function row(cells: string[], widths: number[]): string {
  return cells.map((cell, index) => (index === 0 ? pad(cell, widths[0]!) : padStart(cell, widths[index]!))).join('  ');
}

async function main() {
  const chat = loadChatMessages();
  const udhrShort = udhrFragments({ minWords: 3, maxWords: 6, perLanguage: 250 });
  const udhrLong = udhrFragments({ minWords: 7, maxWords: 15, perLanguage: 150 });
  const items: Array<EvalItem & { bucket: 'chat' | 'udhr3' | 'udhr7' }> = [
    ...chat.map((item) => ({ ...item, bucket: 'chat' as const })),
    ...udhrShort.map((item) => ({ ...item, bucket: 'udhr3' as const })),
    ...udhrLong.map((item) => ({ ...item, bucket: 'udhr7' as const })),
  ];

  // Inside node_modules, so the bundled entries resolve the project's packages.
  const cacheDir = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cacheDir, { recursive: true });
  const dir = mkdtempSync(join(cacheDir, 'parley-bench-lang-'));
  try {
    const textsFile = join(dir, 'texts.json');
    writeFileSync(textsFile, JSON.stringify(items.map((item) => item.text)));
    const probeFile = join(dir, 'probe.mjs');
    writeFileSync(probeFile, PROBE);

    const results = new Map<Detector['key'], ProbeResult & { bytes: number; gzipBytes: number }>();
    for (const detector of DETECTORS) {
      const bundled = await bundle(detector, dir);
      results.set(detector.key, { ...probe(bundled.file, textsFile, probeFile), bytes: bundled.bytes, gzipBytes: bundled.gzipBytes });
    }
    const result = (key: Detector['key']) => results.get(key)!;
    const right = (key: Detector['key'], index: number) => result(key).answers[index]![0] === items[index]!.language;

    const lines: string[] = [];
    lines.push(
      `Language detection, one message at a time: ${items.length} texts, candidates = all ${SUPPORTED_LANGUAGE_CODES.length} supported languages`,
    );
    lines.push(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}`);
    lines.push('');

    // Accuracy per bucket.
    const widths = [34, 7, 18, 17, 9, 24];
    lines.push(row(['Accuracy', 'n', 'franc as it comes', 'franc restricted', 'Parley', "Parley 'high': right/share"], widths));
    const buckets: Array<[string, (item: EvalItem & { bucket: string }) => boolean]> = [
      ['chat messages, dev', (i) => i.bucket === 'chat' && !i.ambiguous && i.split === 'dev'],
      ['chat messages, held-out', (i) => i.bucket === 'chat' && !i.ambiguous && i.split === 'held-out'],
      ['chat messages, all', (i) => i.bucket === 'chat' && !i.ambiguous],
      ['UDHR 3–6 words, dev', (i) => i.bucket === 'udhr3' && i.split === 'dev'],
      ['UDHR 3–6 words, held-out', (i) => i.bucket === 'udhr3' && i.split === 'held-out'],
      ['UDHR 3–6 words, all', (i) => i.bucket === 'udhr3'],
      ['UDHR 7–15 words, dev', (i) => i.bucket === 'udhr7' && i.split === 'dev'],
      ['UDHR 7–15 words, held-out', (i) => i.bucket === 'udhr7' && i.split === 'held-out'],
      ['UDHR 7–15 words, all', (i) => i.bucket === 'udhr7'],
    ];
    for (const [name, select] of buckets) {
      const indexes = items.flatMap((item, index) => (select(item) ? [index] : []));
      const count = (key: Detector['key']) => indexes.filter((index) => right(key, index)).length;
      const high = indexes.filter((index) => result('parley').answers[index]![1] === 'high');
      const highRight = high.filter((index) => right('parley', index)).length;
      lines.push(
        row(
          [
            name,
            String(indexes.length),
            pct(count('franc'), indexes.length),
            pct(count('francOnly'), indexes.length),
            pct(count('parley'), indexes.length),
            `${pct(highRight, high.length)} / ${pct(high.length, indexes.length)}`,
          ],
          widths,
        ),
      );
    }
    const ambiguous = items.flatMap((item, index) => (item.bucket === 'chat' && item.ambiguous ? [index] : []));
    const lowAnswers = ambiguous.filter((index) => result('parley').answers[index]![1] !== 'high').length;
    lines.push(row(["one-word chat ('low' expected)", String(ambiguous.length), 'n/a', 'n/a', `${pct(lowAnswers, ambiguous.length)} low`, ''], widths));
    lines.push('');

    // Accuracy per language.
    const languageWidths = [8, 5, 11, 11, 9, 6, 11, 11, 9];
    lines.push(`${pad('', 8)}  ${pad('chat messages, both splits', 51)}  UDHR 3–6 words, both splits`);
    lines.push(row(['Language', 'n', 'franc', 'restricted', 'Parley', 'n', 'franc', 'restricted', 'Parley'], languageWidths));
    for (const language of SUPPORTED_LANGUAGE_CODES) {
      const inChat = items.flatMap((item, index) => (item.bucket === 'chat' && !item.ambiguous && item.language === language ? [index] : []));
      const inUdhr = items.flatMap((item, index) => (item.bucket === 'udhr3' && item.language === language ? [index] : []));
      const share = (indexes: number[], key: Detector['key']) => pct(indexes.filter((index) => right(key, index)).length, indexes.length);
      lines.push(
        row(
          [
            language,
            String(inChat.length),
            share(inChat, 'franc'),
            share(inChat, 'francOnly'),
            share(inChat, 'parley'),
            String(inUdhr.length),
            share(inUdhr, 'franc'),
            share(inUdhr, 'francOnly'),
            share(inUdhr, 'parley'),
          ],
          languageWidths,
        ),
      );
    }
    lines.push('');

    // Cost.
    const costWidths = [40, 18, 17, 9];
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
    lines.push(row(['Cost', 'franc as it comes', 'franc restricted', 'Parley'], costWidths));
    const cost = (name: string, format: (r: ProbeResult & { bytes: number; gzipBytes: number }) => string) =>
      lines.push(row([name, ...DETECTORS.map((detector) => format(result(detector.key)))], costWidths));
    cost('throughput (messages/s, median of 5)', (r) => Math.round(r.perSecond).toLocaleString('en-US'));
    cost(`cold start (import → first result, median ${COLD_RUNS})`, (r) => `${r.coldStartMs.toFixed(1)} ms`);
    cost('memory kept (heap + external after GC)', (r) => mb(r.retainedBytes));
    cost('memory, rss growth', (r) => mb(r.rssBytes));
    cost('bundle, minified', (r) => kb(r.bytes));
    cost('bundle, minified + gzip', (r) => kb(r.gzipBytes));
    const parley = result('parley');
    const franc = result('francOnly');
    lines.push('');
    lines.push(
      `Added to the background by Parley over franc (already there): memory ${mb(parley.retainedBytes - franc.retainedBytes)} ` +
        `(budget 40 MB), bundle ${kb(parley.gzipBytes - franc.gzipBytes)} gzipped (budget 1 MB).`,
    );
    lines.push('Targets: chat ≥ 98.5%, UDHR 3–6 words ≥ 99.5%, ≥ 20,000 messages/s.');
    console.log(lines.join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
