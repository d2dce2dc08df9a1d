#!/usr/bin/env node
/**
 * The package registry reachable here serves only the Linux builds of packages with per-platform
 * binaries (@swc/core-darwin-*, ...-win32-*), so `npm install` leaves their optional entries out
 * of package-lock.json and `npm ci` then refuses the lock as out of sync. This adds the missing
 * entries (os/cpu-tagged, optional: npm skips them on other platforms). Run it after changing
 * dependencies: `node .ci/lock-platform-stubs.js`.
 */
const fs = require('node:fs');
const path = require('node:path');

const file = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const packages = lock.packages;
const PLATFORM = /-(darwin|linux|win32|freebsd|android)-(arm64|x64|arm|ia32|ppc64|s390x|riscv64)(-gnu|-musl|-msvc|-gnueabihf|-eabi)?$/;
let added = 0;
for (const [key, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const target = `node_modules/${name}`;
    const match = PLATFORM.exec(name);
    if (packages[target] || !match) continue;
    packages[target] = { version, cpu: [match[2]], dev: entry.dev, optional: true, os: [match[1]] };
    if (!entry.dev) delete packages[target].dev;
    added += 1;
    void key;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)));
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} platform stub entries to package-lock.json`);
