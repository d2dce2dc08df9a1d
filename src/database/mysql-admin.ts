import mysql from 'mysql2/promise';

/** Creates the database named in a mysql:// URL if missing (optionally dropping it first). */
export async function ensureMysqlDatabase(url: string, options: { recreate?: boolean } = {}): Promise<void> {
  const parsed = new URL(url.replace(/^mariadb:/, 'mysql:'));
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`unsupported database name in DATABASE_URL: "${name}"`);
  parsed.pathname = '/';
  const conn = await mysql.createConnection(parsed.toString());
  try {
    if (options.recreate) await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await conn.query(
      `CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await conn.end();
  }
}
