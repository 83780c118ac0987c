import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Test tool: a virtual X display (Xvfb) for a headed Chromium, and real key presses through
 * xdotool. Headless Chromium and Playwright's synthetic keys never reach the browser's own
 * shortcut handling (extension `commands`); X key events do. Both are Debian packages that
 * scripts/ensure-setup.mjs installs.
 */
export interface VirtualDisplay {
  display: string;
  /** Presses a key combination (xdotool syntax, e.g. "alt+shift+2") in the window whose title contains `windowTitle`. */
  pressKeys(windowTitle: string, keys: string): Promise<void>;
  close(): void;
}

export const VIRTUAL_DISPLAY_TOOLS = ['/usr/bin/Xvfb', '/usr/bin/xdotool'];

export function missingDisplayTools(): string[] {
  return VIRTUAL_DISPLAY_TOOLS.filter((tool) => !existsSync(tool));
}

function run(command: string, args: string[], display: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, DISPLAY: display } });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')}: exit ${code} ${err}`))));
  });
}

export async function startVirtualDisplay(): Promise<VirtualDisplay> {
  const missing = missingDisplayTools();
  if (missing.length > 0) throw new Error(`Missing ${missing.join(', ')}: apt-get install -y xvfb xdotool (scripts/ensure-setup.mjs does it as root).`);
  // A display number nobody else uses: Xvfb itself picks one and prints it (-displayfd).
  const xvfb: ChildProcess = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const display = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Xvfb did not start')), 10_000);
    xvfb.stdout!.once('data', (chunk: Buffer) => {
      clearTimeout(timer);
      resolve(`:${chunk.toString().trim()}`);
    });
    xvfb.once('error', reject);
  });
  return {
    display,
    async pressKeys(windowTitle, keys) {
      const ids = (await run('xdotool', ['search', '--name', windowTitle], display)).split(/\s+/).filter(Boolean);
      if (ids.length === 0) throw new Error(`No window titled "${windowTitle}"`);
      // No window manager runs under Xvfb: focus the window directly (windowactivate needs one).
      await run('xdotool', ['windowfocus', '--sync', ids.at(-1)!], display).catch(() => {});
      await run('xdotool', ['key', '--clearmodifiers', keys], display);
    },
    close() {
      xvfb.kill();
    },
  };
}
