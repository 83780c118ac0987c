/**
 * `npm run bench:adapters`: what reading a helpdesk page costs in a real Chromium.
 *
 * The Zendesk fixture's active ticket is grown to 2,000 messages. Measured inside the page:
 * - the first (cold) read of the whole conversation;
 * - per newly appended message: Parley's watcher (read cache + accumulator) next to a naive full
 *   re-scan on every mutation, both run in this same page and process;
 * - main-thread long tasks (PerformanceObserver 'longtask', > 50 ms) while messages arrive, next to
 *   the same page with no watcher at all (the page's own rendering makes long tasks too).
 * Figures only: this is a benchmark, not a test, and asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM, CHROMIUM_ARGS } from '../launch-parley';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = readFileSync(`${ROOT}tests/fixtures/zendesk/agent-workspace.html`, 'utf8');
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 2000);
const APPENDS = Number(process.env.BENCH_APPENDS ?? 100);
const FIRST_READ_RUNS = 15;

async function bundlePageCode(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: { '@': ROOT.replace(/\/$/, '') } },
    build: {
      write: false,
      minify: true,
      lib: { entry: `${ROOT}scripts/bench/page-entry.ts`, formats: ['iife'], name: 'parleyBenchBundle' },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const chunk = (outputs[0] as { output: Array<{ type: string; code?: string }> }).output.find((o) => o.type === 'chunk');
  if (!chunk?.code) throw new Error('bench bundle is empty');
  return chunk.code;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
};
const ms = (value: number) => `${value.toFixed(3)} ms`;

async function main() {
  const code = await bundlePageCode();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const page = await browser.newPage();
  await page.route('https://acme.zendesk.com/**', (route) => route.fulfill({ contentType: 'text/html', body: FIXTURE }));
  await page.goto('https://acme.zendesk.com/agent/tickets/4821');

  // Grow the active ticket's log to MESSAGES messages, alternating customer and agent.
  await page.evaluate((total) => {
    const log = document.querySelector('[data-test-id="ticket-4821-standard-layout"] [data-test-id="omni-log-container"]')!;
    const templates = [...log.querySelectorAll('article[data-test-id="omni-log-comment-item"]')].slice(0, 2);
    const existing = log.querySelectorAll('article[data-test-id="omni-log-comment-item"]').length;
    for (let i = existing; i < total; i++) {
      const copy = templates[i % 2]!.cloneNode(true) as HTMLElement;
      copy.id = `audit-bench-${i}`;
      copy.querySelector('.zd-comment')!.textContent = `Nachricht Nummer ${i}: wo ist meine Bestellung #${40000 + i}?`;
      log.append(copy);
    }
    (window as unknown as { appendMessage(i: number): void }).appendMessage = (i: number) => {
      const copy = templates[0]!.cloneNode(true) as HTMLElement;
      copy.id = `audit-new-${i}`;
      copy.querySelector('.zd-comment')!.textContent = `Neue Nachricht ${i}: ist das Paket schon unterwegs?`;
      log.append(copy);
    };
  }, MESSAGES);
  await page.addScriptTag({ content: code });

  const firstReads: number[] = [];
  let counted = 0;
  for (let run = 0; run < FIRST_READ_RUNS; run++) {
    const { ms: took, messages } = await page.evaluate(() => window.parleyBench.firstRead());
    firstReads.push(took);
    counted = messages;
  }

  const warm = await page.evaluate(() => window.parleyBench.warmRead(50));

  async function measureAppends(mode: 'parley' | 'naive' | 'none', offset: number) {
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    await page.evaluate((m) => window.parleyBench.start(m, 0), mode);
    for (let i = 0; i < APPENDS; i++) {
      await page.evaluate((n) => (window as unknown as { appendMessage(i: number): void }).appendMessage(n), offset + i);
      await page.waitForTimeout(5);
    }
    await page.waitForTimeout(100);
    const result = await page.evaluate(() => window.parleyBench.stop());
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    return { ...result, longTasks };
  }

  // The watcher's first read happens at start and is not an append: drop it from Parley's samples.
  const parley = await measureAppends('parley', 0);
  const parleyAppends = parley.samples.slice(1);
  const naive = await measureAppends('naive', APPENDS);
  const none = await measureAppends('none', APPENDS * 2);

  await browser.close();

  const rows = [
    ['what', 'Parley (cache + accumulator)', 'naive full re-scan per mutation', 'no watcher (page alone)'],
    ['first read of the conversation (median of 15)', ms(median(firstReads)), '(same code path)'],
    ['re-read with nothing changed (warm cache): read + merge', `${ms(warm.readMs)} + ${ms(warm.mergeMs)}`, ''],
    ['per appended message, median', ms(median(parleyAppends)), ms(median(naive.samples))],
    ['per appended message, p95', ms(percentile(parleyAppends, 95)), ms(percentile(naive.samples, 95))],
    ['per appended message, max', ms(Math.max(...parleyAppends)), ms(Math.max(...naive.samples))],
    ['reads run', String(parleyAppends.length), String(naive.samples.length)],
    ['long tasks (>50 ms) while appending', String(parley.longTasks.length), String(naive.longTasks.length), String(none.longTasks.length)],
    ['longest task while appending', ms(Math.max(0, ...parley.longTasks)), ms(Math.max(0, ...naive.longTasks)), ms(Math.max(0, ...none.longTasks))],
  ];
  console.log(`Chromium ${CHROMIUM}, ${counted} messages read on first read, ${APPENDS} appended messages per mode`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
