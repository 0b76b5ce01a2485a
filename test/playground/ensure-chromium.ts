/**
 * Runs before `npm test`: the playground's browser tests need Chromium. On a fresh Debian or Ubuntu machine
 * where we are root (CI, a container), it installs Debian's package; elsewhere it says what to install.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));
if (!candidates.some((path) => existsSync(path))) {
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.error('The browser tests need Chromium: run `sudo apt-get install -y chromium fonts-dejavu-core`, or set CHROMIUM_PATH.');
    process.exit(1);
  }
  console.error('Installing Debian\'s chromium for the browser tests...');
  const run = (args: string[]) => spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  if (!run(['update', '-qq']) || !run(['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'])) {
    console.error('Could not install chromium with apt-get; install it by hand or set CHROMIUM_PATH.');
    process.exit(1);
  }
}
