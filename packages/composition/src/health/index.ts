/*
 * The health routes of both gateways: a Prisma client of its own with one connection, so a
 * probe never waits behind the app's pool (and the bundle carries nothing else).
 */

export * from './health-route';
