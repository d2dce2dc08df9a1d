/**
 * Files in their rooms: src/database (data source, migrations, record helpers) imports neither
 * the seeds nor the access decisions, and a migration imports no application code except the
 * frozen code beside it (a migration must keep working when the code it once called changes).
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? files(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module a file imports (static and dynamic), resolved to a path from the repository root. */
function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import\()\s*'([^']+)'/g)].map((m) => m[1]);
  return specs
    .filter((s) => s.startsWith('.'))
    .map((s) => path.relative(ROOT, path.resolve(path.dirname(file), s)));
}

test('src/database imports neither the seeds nor src/access', () => {
  const offending = files(path.join(ROOT, 'src/database')).flatMap((f) =>
    imports(f)
      .filter((i) => i.startsWith('seeds') || i.startsWith('src/access'))
      .map((i) => `${path.relative(ROOT, f)} -> ${i}`),
  );
  expect(offending).toEqual([]);
});

test('migrations import only typeorm and the frozen code beside them', () => {
  const dir = path.join(ROOT, 'src/database/migrations');
  const offending = ['mysql', 'sqlite'].flatMap((engine) =>
    files(path.join(dir, engine)).flatMap((f) =>
      imports(f)
        .filter((i) => !i.startsWith('src/database/migrations/frozen/'))
        .map((i) => `${path.relative(ROOT, f)} -> ${i}`),
    ),
  );
  expect(offending).toEqual([]);
  for (const f of files(path.join(dir, 'frozen')))
    expect([path.relative(ROOT, f), imports(f)]).toEqual([path.relative(ROOT, f), []]);
});
