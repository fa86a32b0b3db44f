/**
 * Integration, e2e, fault and fuzz tests start databases, chains, gateways or browsers: jest's
 * 5 s default is a unit-test figure. They assert outcomes, not speed (speed is `npm run bench`'s
 * job), so a loaded machine may take longer without that being a failure. A file that needs more
 * still calls `jest.setTimeout` itself. (`testTimeout` in a project's config is ignored by jest;
 * only the global one counts.)
 */
jest.setTimeout(30_000);
