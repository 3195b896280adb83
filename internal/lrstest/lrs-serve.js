// Serves Learning Locker's xAPI statement service (npm xapi-statements@5.0.1)
// on 127.0.0.1 only, for the end-to-end tests (canonical/xapi, examples/receiver). Its own
// dist/server.js listens on every interface, so this wires the same app
// (the same routers, in the same order) to a loopback listener instead.
//
// usage: node lrs-serve.js <directory holding node_modules/xapi-statements> <port>
// With port 0 the system picks a free one. Once listening, it prints
// "listening on 127.0.0.1:<port>" on stdout.
// Run it with AUTH_REPO=test EVENTS_REPO=test MODELS_REPO=memory
// STORAGE_REPO=memory (everything in memory; any Basic credentials accepted).
'use strict';
const path = require('path');

const [prefix, port] = process.argv.slice(2);
if (!prefix || !/^[0-9]+$/.test(port || '')) {
  console.error('usage: node lrs-serve.js <npm prefix> <port>');
  process.exit(2);
}
const dist = path.resolve(prefix, 'node_modules', 'xapi-statements', 'dist');
const load = (name) => require(path.join(dist, name));
const express = require(require.resolve('express', { paths: [dist] }));

const config = load('config').default;
const constants = load('utils/constants');
const logger = load('logger').default;
const presenter = load('expressPresenter').default({
  llClientInfoEndpoint: config.llClientInfoEndpoint,
  customRoute: config.express.customRoute,
  customRouteText: config.express.customRouteText,
  morganDirectory: config.express.morganDirectory,
  bodyParserLimit: config.express.bodyParserLimit,
  service: load('serviceFactory').default(),
  tracker: load('tracker').default,
  translator: load('translatorFactory').default(),
  logger,
});

const app = express();
app.use(constants.aboutRoute, presenter.aboutRouter);
app.use(constants.fullActivitiesRoute, presenter.fullActivitiesRouter);
app.use(constants.statementsRoute, presenter.statementsRouter);
const server = app.listen(Number(port), '127.0.0.1', () => {
  console.log('listening on 127.0.0.1:' + server.address().port);
});
// Everything is in memory: there is nothing to flush, so stop at once
// (server.close would wait for idle keep-alive connections).
process.on('SIGINT', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
