import type { Prisma, PrismaClient } from '../generated/prisma/client';

/** The application's database handle (a Prisma client built by `createPrismaClient`). */
export type DatabaseClient = PrismaClient;

/** The client handed to `$transaction(async (tx) => …)` callbacks. */
export type TransactionClient = Prisma.TransactionClient;
