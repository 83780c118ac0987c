/**
 * Starts the Parley local model server (a DEVELOPMENT AND TEST TOOL, see README.md):
 *   npm run model-server -- --port 8787 [--api-key KEY] [--chunk-delay-ms N]
 *                           [--first-token-delay-ms N] [--ms-per-token N]
 * Prints the base URL and runs until SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startModelServer } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    'api-key': { type: 'string' },
    'chunk-delay-ms': { type: 'string' },
    'first-token-delay-ms': { type: 'string' },
    'ms-per-token': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(
    [
      'Usage: npm run model-server -- [--port 8787] [--api-key KEY] [--chunk-delay-ms 15]',
      '                               [--first-token-delay-ms 0] [--ms-per-token N]',
      '  --chunk-delay-ms N        delay between streamed chunks (default 15; unused with --ms-per-token)',
      '  --first-token-delay-ms N  delay before the first content chunk / a non-streaming answer (default 0)',
      '  --ms-per-token N          generation speed: N ms per estimated token of each chunk / answer',
    ].join('\n'),
  );
  process.exit(0);
}

function number(name: string, text: string | undefined, { integer = false } = {}): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
    console.error(`--${name} must be a non-negative ${integer ? 'integer' : 'number'}, got "${text}".`);
    process.exit(2);
  }
  return value;
}

const server = await startModelServer({
  port: number('port', values.port, { integer: true }),
  apiKey: values['api-key'],
  chunkDelayMs: number('chunk-delay-ms', values['chunk-delay-ms']),
  firstTokenDelayMs: number('first-token-delay-ms', values['first-token-delay-ms']),
  msPerToken: number('ms-per-token', values['ms-per-token']),
});
console.log(`Parley local model server (development/test only) listening at ${server.url}`);
console.log(`Models: parley-local-1, parley-local-mini. Admin: ${server.url.replace(/\/v1$/, '')}/__admin/stats`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the model server.`);
  await server.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
