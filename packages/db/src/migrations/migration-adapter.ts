import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { startEmbeddedDatabase } from '../embedded/start-embedded-database';

/**
 * PostgreSQL catalog types that `@prisma/adapter-pg` 6.19 refuses ("Column type 'name' could not
 * be deserialized", prisma/orm#27403) although their text form is all the schema engine needs,
 * mapped to the type OID the adapter reads them as.
 */
const CATALOG_TYPE_AS: ReadonlyMap<number, number> = new Map([
  [18, 25], // "char" -> text
  [19, 25], // name -> text
  [1002, 1009], // "char"[] -> text[]
  [1003, 1009], // name[] -> text[]
]);

/**
 * The schema engine's constraint query lets PostgreSQL 18's `NOT NULL` constraint rows
 * (`contype = 'n'`; PGlite 0.5 is PostgreSQL 18) through and then panics on them
 * (prisma/orm#29635, fix pending in prisma/prisma-engines#5819). Nullability is read from
 * `pg_attribute` anyway, so those rows are filtered out before the query reaches the server.
 */
const CONSTRAINT_FILTER = "AND contype NOT IN ('p', 'u', 'f')";
const CONSTRAINT_FILTER_PG18 = "AND contype NOT IN ('p', 'u', 'f', 'n')";

type Field = { dataTypeID: number };

function withoutNotNullConstraints(query: unknown): unknown {
  if (typeof query === 'string') return query.replace(CONSTRAINT_FILTER, CONSTRAINT_FILTER_PG18);
  if (
    query !== null &&
    typeof query === 'object' &&
    'text' in query &&
    typeof query.text === 'string'
  ) {
    return { ...query, text: query.text.replace(CONSTRAINT_FILTER, CONSTRAINT_FILTER_PG18) };
  }
  return query;
}

function retypeCatalogColumns<T>(result: T): T {
  const fields = (result as { fields?: Field[] } | undefined)?.fields;
  if (Array.isArray(fields)) {
    for (const field of fields)
      field.dataTypeID = CATALOG_TYPE_AS.get(field.dataTypeID) ?? field.dataTypeID;
  }
  return result;
}

/** `pg` client adjusted for the schema engine's introspection queries (see the constants above). */
class CatalogTolerantClient extends pg.Client {
  // pg's overloads cannot be re-declared one by one; every form is forwarded unchanged.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    args[0] = withoutNotNullConstraints(args[0]);
    const last: unknown = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (error: unknown, result: unknown) =>
        (last as (e: unknown, r: unknown) => void)(
          error,
          error ? result : retypeCatalogColumns(result),
        );
    }
    const returned: unknown = (super.query as (...a: unknown[]) => unknown)(...args);
    return returned instanceof Promise ? returned.then(retypeCatalogColumns) : returned;
  }
}

function catalogTolerantPool(url: string): pg.Pool {
  return new pg.Pool({ connectionString: url, Client: CatalogTolerantClient });
}

/**
 * Driver adapter factory for the Prisma CLI (`prisma.config.ts`): connects to `url` and uses a
 * throw-away in-memory embedded database as the shadow database.
 *
 * The stock `PrismaPg` shadow database is `CREATE DATABASE` on the same server, which PGlite
 * cannot serve (one database per instance); a throw-away PGlite needs no privileges on a real
 * server either. Both connections work around prisma/orm#27403 and #29635 (see the constants).
 */
export class MigrationAdapter extends PrismaPg {
  /** @param url connection string of the database the CLI works on. */
  constructor(url: string) {
    super(catalogTolerantPool(url), { disposeExternalPool: true });
  }

  /** Starts a fresh embedded database; it is closed when the CLI disposes the adapter. */
  override async connectToShadowDb(): ReturnType<PrismaPg['connectToShadowDb']> {
    const shadow = await startEmbeddedDatabase();
    try {
      const adapter = await new PrismaPg(catalogTolerantPool(shadow.url), {
        disposeExternalPool: true,
      }).connect();
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        try {
          await dispose();
        } finally {
          await shadow.close();
        }
      };
      return adapter;
    } catch (error) {
      await shadow.close();
      throw error;
    }
  }
}
