#!/usr/bin/env node
// Set-up that `npm test` and `npm run demo` do by themselves on a fresh machine:
// 1. install the npm dependencies when node_modules is missing or older than package-lock.json;
// 2. install Debian's Chromium, Xvfb and xdotool when missing (as root, with apt-get). Never
//    downloads a browser build of its own. Plain JavaScript on purpose: it runs before Node 22 from
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
// Debian packages the tests need: Chromium, and for the keyboard-shortcut e2e test a virtual
// display (Xvfb) with xdotool, which sends real key presses the browser's shortcut handling sees.
const debianPackages = [
  ...(existsSync(chromium) ? [] : ['chromium']),
  ...(existsSync('/usr/bin/Xvfb') ? [] : ['xvfb']),
  ...(existsSync('/usr/bin/xdotool') ? [] : ['xdotool']),
];
if (debianPackages.length > 0) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    run('apt-get update -qq');
    run(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${debianPackages.join(' ')}`);
  } else if (debianPackages.includes('chromium')) {
    console.error(
      `[setup] No Chromium at ${chromium}. Install Debian's package (sudo apt-get install -y ${debianPackages.join(' ')}) ` +
        'or set CHROMIUM_PATH to a Chromium/Chrome binary.',
    );
    process.exit(1);
  } else {
    // Only the keyboard-shortcut e2e test needs them; it says so itself when they are missing.
    console.warn(`[setup] Not installed: ${debianPackages.join(', ')} (sudo apt-get install -y ${debianPackages.join(' ')}).`);
  }
}
