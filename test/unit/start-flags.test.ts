/** The bench measures the server as `npm start` runs it: with the same node flags. */
import fs from 'node:fs';
import path from 'node:path';
import { START_NODE_FLAGS } from '../bench/servers';

test('npm start passes the node flags the bench runs its servers with', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8'));
  const start: string = pkg.scripts.start;
  const flags = start
    .split('&&')
    .pop()!
    .trim()
    .split(/\s+/)
    .filter((w) => w.startsWith('--'));
  expect(flags).toEqual(START_NODE_FLAGS);
});
