import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './start-embedded-database';

jest.setTimeout(60_000);

/** Minimal frontend messages, so a test can pause between the parts of one extended-protocol query. */
const wire = {
  startup(): Buffer {
    const params = Buffer.from('user\0postgres\0database\0postgres\0\0');
    const head = Buffer.alloc(8);
    head.writeInt32BE(8 + params.length, 0);
    head.writeInt32BE(196608, 4);
    return Buffer.concat([head, params]);
  },
  message(type: string, body: Buffer): Buffer {
    const head = Buffer.alloc(5);
    head.write(type, 0);
    head.writeInt32BE(body.length + 4, 1);
    return Buffer.concat([head, body]);
  },
  parse(sql: string): Buffer {
    return wire.message('P', Buffer.concat([Buffer.from(`\0${sql}\0`), Buffer.from([0, 0])]));
  },
  bindExecuteSync(): Buffer {
    return Buffer.concat([
      wire.message('B', Buffer.from([0, 0, 0, 0, 0, 0, 0, 0])),
      wire.message('E', Buffer.from([0, 0, 0, 0, 0])),
      wire.message('S', Buffer.alloc(0)),
    ]);
  },
  query(sql: string): Buffer {
    return wire.message('Q', Buffer.from(`${sql}\0`));
  },
};

/** A raw protocol connection that collects everything the server sends. */
async function rawConnection(port: number): Promise<{ socket: Socket; received: () => string }> {
  const socket = connect(port, '127.0.0.1');
  let data = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => (data = Buffer.concat([data, chunk])));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.write(wire.startup());
  await waitFor(() => data.includes(Buffer.from('Z\0\0\0\x05I')));
  data = Buffer.alloc(0);
  return { socket, received: () => data.toString('latin1') };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('startEmbeddedDatabase', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'solpay-embedded-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps data across close and restart on the same dataDir', async () => {
    const first = await startEmbeddedDatabase({ dataDir });
    expect(first.url).toBe(`postgresql://postgres:postgres@127.0.0.1:${first.port}/postgres`);
    const writer = new pg.Client({ connectionString: first.url });
    await writer.connect();
    await writer.query('CREATE TABLE kept (id int primary key, note text)');
    await writer.query('INSERT INTO kept VALUES ($1, $2)', [1, 'survives restart']);
    await writer.end();
    await first.close();

    const second = await startEmbeddedDatabase({ dataDir });
    try {
      const reader = new pg.Client({ connectionString: second.url });
      await reader.connect();
      const { rows } = await reader.query('SELECT id, note FROM kept');
      await reader.end();
      expect(rows).toEqual([{ id: 1, note: 'survives restart' }]);
    } finally {
      await second.close();
    }
  });

  it('serves the same database on a Unix socket in socketDir, replacing a stale socket file', async () => {
    const socketDir = path.join(dataDir, 'socket');
    const port = await freePort();
    await mkdir(socketDir);
    // Stands for the file a killed process leaves behind (`listen` fails while it exists).
    await writeFile(path.join(socketDir, `.s.PGSQL.${port}`), '');

    const db = await startEmbeddedDatabase({ port, socketDir });
    try {
      expect(db.socketUrl).toBe(
        `postgresql://postgres:postgres@localhost:${port}/postgres?host=${socketDir}`,
      );
      const overSocket = new pg.Client({ connectionString: db.socketUrl });
      await overSocket.connect();
      await overSocket.query('CREATE TABLE shared (id int)');
      await overSocket.query('INSERT INTO shared VALUES (7)');
      await overSocket.end();
      const overTcp = new pg.Client({ connectionString: db.url });
      await overTcp.connect();
      const { rows } = await overTcp.query('SELECT id FROM shared');
      await overTcp.end();
      expect(rows).toEqual([{ id: 7 }]);
    } finally {
      await db.close();
    }
    expect(existsSync(path.join(socketDir, `.s.PGSQL.${port}`))).toBe(false);
  });

  it('serves TCP only when the socket path would be too long', async () => {
    const socketDir = path.join(dataDir, 'x'.repeat(100));
    const db = await startEmbeddedDatabase({ socketDir });
    try {
      expect(db.socketUrl).toBeUndefined();
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      await client.end();
    } finally {
      await db.close();
    }
  });

  it('rejects with the real error when the port is taken, and leaves the holder alone', async () => {
    const holder = await startEmbeddedDatabase();
    try {
      await expect(startEmbeddedDatabase({ port: holder.port })).rejects.toMatchObject({
        code: 'EADDRINUSE',
        port: holder.port,
      });
      const client = new pg.Client({ connectionString: holder.url });
      await client.connect();
      const { rows } = await client.query('SELECT 1 AS one');
      await client.end();
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await holder.close();
    }
  });

  it('rejects when the data folder is not a database', async () => {
    const notADatabase = path.join(dataDir, 'not-a-database');
    await mkdir(notADatabase);
    await writeFile(path.join(notADatabase, 'PG_VERSION'), 'not a version\n');
    await expect(startEmbeddedDatabase({ dataDir: notADatabase })).rejects.toThrow(
      'PGlite failed to initialize properly',
    );
  });

  describe('with several connections', () => {
    let db: EmbeddedDatabase;

    beforeAll(async () => {
      db = await startEmbeddedDatabase();
    });

    afterAll(async () => {
      await db.close();
    });

    it('answers many concurrent parameterised queries correctly', async () => {
      const pool = new pg.Pool({ connectionString: db.url, max: 8 });
      try {
        const results = await Promise.all(
          Array.from({ length: 200 }, (_, i) =>
            pool.query<{ n: number; s: string }>('SELECT $1::int AS n, $2::text AS s', [
              i,
              `v${i}`,
            ]),
          ),
        );
        results.forEach((result, i) => expect(result.rows).toEqual([{ n: i, s: `v${i}` }]));
      } finally {
        await pool.end();
      }
    });

    it('does not let another connection run between Parse and Bind of one query', async () => {
      const other = new pg.Client({ connectionString: db.url });
      await other.connect();
      const raw = await rawConnection(db.port);
      try {
        raw.socket.write(wire.parse('SELECT 111 AS v'));
        await new Promise((resolve) => setTimeout(resolve, 50));
        // This one replaces the unnamed statement if it runs before the raw connection's Bind.
        const interloper = other.query('SELECT $1::int AS v', [222]);
        await new Promise((resolve) => setTimeout(resolve, 50));
        raw.socket.write(wire.bindExecuteSync());
        expect((await interloper).rows).toEqual([{ v: 222 }]);
        await waitFor(() => raw.received().includes('Z\0\0\0\x05I'));
        expect(raw.received()).toContain('111');
        expect(raw.received()).not.toContain('ERROR');
      } finally {
        raw.socket.destroy();
        await other.end();
      }
    });

    it('rolls back the open transaction of a connection that drops, and lets others continue', async () => {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        await client.query('CREATE TABLE IF NOT EXISTS dropped (id int)');
        const raw = await rawConnection(db.port);
        raw.socket.write(wire.query('BEGIN; INSERT INTO dropped VALUES (1)'));
        await waitFor(() => raw.received().includes('Z\0\0\0\x05T'));
        raw.socket.destroy();
        const { rows } = await client.query('SELECT count(*)::int AS n FROM dropped');
        expect(rows).toEqual([{ n: 0 }]);
        await client.query('INSERT INTO dropped VALUES (2)');
        const after = await client.query('SELECT id FROM dropped');
        expect(after.rows).toEqual([{ id: 2 }]);
      } finally {
        await client.end();
      }
    });
  });
});
