/**
 * Runs before `npm test`: the PostgreSQL tests start a throwaway server from Debian's binaries (see
 * postgres-cluster.ts), or use PACER_TEST_DATABASE_URL. On a fresh Debian or Ubuntu machine where we are root (CI,
 * a container) it installs the `postgresql` package without starting its system service; elsewhere it says what
 * to install. The tests never skip: without a server they fail.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';

const ROOT = '/usr/lib/postgresql';
const installed = () => existsSync(ROOT) && readdirSync(ROOT).some((version) => existsSync(`${ROOT}/${version}/bin/initdb`));

if (!process.env.PACER_TEST_DATABASE_URL && !installed()) {
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.error('The PostgreSQL tests need a PostgreSQL server: run `sudo apt-get install -y postgresql`, or set PACER_TEST_DATABASE_URL to a server where the tests may create databases.');
    process.exit(1);
  }
  console.error("Installing Debian's postgresql for the PostgreSQL tests (its service is not started)...");
  // Debian's way to keep a package's service from starting at install: a policy-rc.d that refuses (101).
  const policy = '/usr/sbin/policy-rc.d';
  const ownPolicy = !existsSync(policy);
  if (ownPolicy) writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  const run = (args: string[]) => spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  try {
    if (!run(['update', '-qq']) || !run(['install', '-y', '-qq', '--no-install-recommends', 'postgresql']) || !installed()) {
      console.error('Could not install postgresql with apt-get; install it by hand or set PACER_TEST_DATABASE_URL.');
      process.exit(1);
    }
  } finally {
    if (ownPolicy) rmSync(policy, { force: true });
  }
}
