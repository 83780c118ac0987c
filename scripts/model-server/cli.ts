/**
 * Starts the Parley local model server (a DEVELOPMENT AND TEST TOOL, see README.md):
 *   npm run model-server -- --port 8787 [--api-key KEY] [--chunk-delay-ms N]
 * Prints the base URL and runs until SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startModelServer } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    'api-key': { type: 'string' },
    'chunk-delay-ms': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log('Usage: npm run model-server -- [--port 8787] [--api-key KEY] [--chunk-delay-ms 15]');
  process.exit(0);
}

function integer(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} must be a non-negative integer, got "${text}".`);
    process.exit(2);
  }
  return value;
}

const server = await startModelServer({
  port: integer('port', values.port),
  apiKey: values['api-key'],
  chunkDelayMs: integer('chunk-delay-ms', values['chunk-delay-ms']),
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
