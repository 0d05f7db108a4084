// Test support: a database that writes down the text of every statement run through it, in transactions too, so a
// test can show that two paths (a known and an unknown address) run the same statements in the same order.
import type { Db, Queryable } from '../../src/platform/db/client.ts';

export function recordingDb(db: Db, into: string[]): Db {
  const record = (target: Queryable): Queryable => ({
    query: (sql, params, options) => {
      into.push(sql);
      return target.query(sql, params, options);
    },
    exec: (sql) => {
      into.push(sql);
      return target.exec(sql);
    },
  });
  return {
    ...db,
    ...record(db),
    async transaction(fn) {
      into.push('BEGIN');
      try {
        return await db.transaction((tx) => fn(record(tx)));
      } finally {
        into.push('END');
      }
    },
  };
}
