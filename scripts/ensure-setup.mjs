#!/usr/bin/env node
// Set-up that `npm test` and `npm run demo` do by themselves on a fresh machine:
// 1. install the npm dependencies when node_modules is missing or older than package-lock.json;
// 2. install Debian's Chromium when no browser is found (as root, with apt-get). Never downloads a
//    browser build of its own. Plain JavaScript on purpose: it runs before Node 22 from
//    node_modules exists, on whatever Node the machine has.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const run = (command) => {
  console.log(`[setup] ${command}`);
  execSync(command, { stdio: 'inherit' });
};

const installedMarker = 'node_modules/.package-lock.json';
const lockChanged = !existsSync(installedMarker) || statSync('package-lock.json').mtimeMs > statSync(installedMarker).mtimeMs;
if (lockChanged) run('npm ci --no-audit --no-fund');

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    run('apt-get update -qq');
    run('DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
  } else {
    console.error(
      `[setup] No Chromium at ${chromium}. Install Debian's package (sudo apt-get install -y chromium) ` +
        'or set CHROMIUM_PATH to a Chromium/Chrome binary.',
    );
    process.exit(1);
  }
}
