/**
 * Parley's command line, for batch use and benchmarks: `npm run -s cli -- <command> [options]`.
 *
 *   detect [--candidates=en,de,pt]   JSON Lines {"text": ...} on stdin → {"text", "language", "confidence"}
 *   detect-conversation              see scripts/cli/detect-conversation.ts
 */
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { SUPPORTED_LANGUAGE_CODES, isSupportedLanguage, type SupportedLanguage } from '../../services/language/supported-languages';
import { runDetect } from './detect';

const USAGE = `usage: npm run -s cli -- <command> [options] < input.jsonl > output.jsonl

commands:
  detect                 one {"text": ...} per line in; one {"text", "language", "confidence"} per line out
                         (language: a BCP-47 tag, or null when the text carries no language;
                          confidence: "high", "low", or "none" with a null language)
    --candidates=a,b,c   the shop's languages (default: all ${SUPPORTED_LANGUAGE_CODES.length}: ${SUPPORTED_LANGUAGE_CODES.join(', ')})
  detect-conversation    the language of whole conversations (scripts/cli/detect-conversation.ts)
`;

type ConversationCommand = (lines: AsyncIterable<string>, write: (line: string) => void) => Promise<void>;

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

async function detectConversation(): Promise<number> {
  // Loaded only for this command, from a file another module owns; a clear message if it is not there.
  const path = fileURLToPath(new URL('./detect-conversation.ts', import.meta.url));
  if (!existsSync(path)) {
    process.stderr.write('detect-conversation is not available yet: scripts/cli/detect-conversation.ts does not exist.\n');
    return 2;
  }
  const specifier = './detect-conversation.ts';
  const module = (await import(specifier)) as { runDetectConversation?: unknown };
  if (typeof module.runDetectConversation !== 'function') {
    process.stderr.write('detect-conversation is not available: scripts/cli/detect-conversation.ts does not export runDetectConversation.\n');
    return 2;
  }
  await (module.runDetectConversation as ConversationCommand)(stdinLines(), writeLine);
  return 0;
}

async function main(args: readonly string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'detect': {
      let failures = 0;
      await runDetect(stdinLines(), writeLine, (message) => {
        failures++;
        process.stderr.write(`detect: ${message}\n`);
      }, { candidates: parseCandidates(rest) });
      return failures > 0 ? 1 : 0;
    }
    case 'detect-conversation':
      return detectConversation();
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
