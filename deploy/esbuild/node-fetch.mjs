// Stand-in for node-fetch in Lambda bundles (see lambda-plugins.cjs): the runtime's own fetch.
export default (input, init) => globalThis.fetch(input, init);
