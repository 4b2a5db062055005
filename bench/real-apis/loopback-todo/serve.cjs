// Starts @loopback/example-todo as its own dist/index.js does, on HOST:PORT, with one change made
// through the app's own configuration binding: the geocoder datasource calls GEOCODER_URL (a local
// stand-in for the US Census geocoder, or faultline's fault-injecting proxy in front of it) instead of
// https://geocoding.geo.census.gov, so no request leaves 127.0.0.1. The in-memory store persists to
// ./data/db.json, relative to the working directory.
const { TodoListApplication } = require('@loopback/example-todo');
const { GeocoderDataSource } = require('@loopback/example-todo/dist/datasources/geocoder.datasource');

async function main() {
  const app = new TodoListApplication({
    rest: { port: Number(process.env.PORT), host: process.env.HOST, gracePeriodForClose: 0, openApiSpec: { setServersFromRequest: true } },
  });
  const geocoder = GeocoderDataSource.defaultConfig;
  app.bind('datasources.config.geocoder').to({
    ...geocoder,
    operations: geocoder.operations.map((op) => ({ ...op, template: { ...op.template, url: process.env.GEOCODER_URL } })),
  });
  await app.boot();
  await app.start();
  console.log(`Server is running at ${app.restServer.url}`);
  const stop = () => app.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error) => {
  console.error('Cannot start the application.', error);
  process.exit(1);
});
