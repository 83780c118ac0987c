/**
 * Parley's command line, for batch use and benchmarks: `npm run -s cli -- <command> [options]`.
 *
 *   detect [--candidates=en,de,pt]   JSON Lines {"text": ...} on stdin → {"text", "language", "confidence"}
 *   detect-conversation              see scripts/cli/detect-conversation.ts
 *   pii                              {"text"} → {"text", "masked", "found"}
 *   injection                        {"text"} → {"text", "injection"}
 *   formality                        {"text", "lang"} → {"text", "formality"}
 *   meaning                          {"source_lang", "source", "target_lang", "translation"} → {"faithful", "issues"}
 */
import { createInterface } from 'node:readline';
import { SUPPORTED_LANGUAGE_CODES, isSupportedLanguage, type SupportedLanguage } from '../../services/language/supported-languages';
import { runDetect } from './detect';
import { runDetectConversation } from './detect-conversation';
import { runFormality } from './formality';
import { runInjection } from './injection';
import { runMeaning } from './meaning';
import { runPii } from './pii';

const USAGE = `usage: npm run -s cli -- <command> [options] < input.jsonl > output.jsonl

commands:
  detect                 one {"text": ...} per line in; one {"text", "language", "confidence"} per line out
                         (language: a BCP-47 tag, or null when the text carries no language;
                          confidence: "high", "low", or "none" with a null language)
    --candidates=a,b,c   the shop's languages (default: all ${SUPPORTED_LANGUAGE_CODES.length}: ${SUPPORTED_LANGUAGE_CODES.join(', ')})
  detect-conversation    the language of whole conversations (scripts/cli/detect-conversation.ts)
  pii                    one {"text": ...} per line in; one {"text", "masked", "found": [{"kind", "value"}]} per line out
                         (personal data Parley replaces by placeholders before text goes to a model)
  injection              one {"text": ...} per line in; one {"text", "injection": true|false, "reasons"} per line out
                         (messages that try to instruct the model)
  formality              one {"text", "lang"} per line in; one {"text", "formality": "formal"|"informal"|"neutral"} per line out
                         (how a reply addresses the customer; lang: de fr es pt pt-BR pt-PT it nl pl ru tr ja ko zh)
  meaning                one {"source_lang", "source", "target_lang", "translation"} per line in;
                         one {"faithful": true|false, "issues": [{"kind", "expected", "found"?, "message"}]} per line out
                         (amounts, dates, ids, links, negations… of the source the translation changed)
`;

function stdinLines(): AsyncIterable<string> {
  return createInterface({ input: process.stdin, crlfDelay: Infinity });
}

function writeLine(line: string): void {
  process.stdout.write(`${line}\n`);
}

function parseCandidates(args: readonly string[]): SupportedLanguage[] | undefined {
  const option = args.find((arg) => arg.startsWith('--candidates='));
  if (!option) return undefined;
  const codes = option.slice('--candidates='.length).split(',').map((code) => code.trim()).filter((code) => code !== '');
  const unknown = codes.filter((code) => !isSupportedLanguage(code));
  if (unknown.length > 0) throw new UsageError(`unsupported language(s) in --candidates: ${unknown.join(', ')}`);
  return codes as SupportedLanguage[];
}

class UsageError extends Error {}

type LineCommand = (lines: AsyncIterable<string>, write: (line: string) => void, fail: (message: string) => void) => Promise<void>;

/** Runs a JSON Lines command on stdin/stdout; bad lines are reported on stderr and make the exit code 1. */
async function runLines(name: string, command: LineCommand): Promise<number> {
  let failures = 0;
  await command(stdinLines(), writeLine, (message) => {
    failures++;
    process.stderr.write(`${name}: ${message}\n`);
  });
  return failures > 0 ? 1 : 0;
}

async function main(args: readonly string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'detect': {
      const candidates = parseCandidates(rest);
      return runLines('detect', (lines, write, fail) => runDetect(lines, write, fail, { candidates }));
    }
    case 'detect-conversation':
      await runDetectConversation(stdinLines(), writeLine);
      return 0;
    case 'pii':
      return runLines('pii', runPii);
    case 'injection':
      return runLines('injection', runInjection);
    case 'formality':
      return runLines('formality', runFormality);
    case 'meaning':
      return runLines('meaning', runMeaning);
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`unknown command: ${command}\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof UsageError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
