// Starts s3rver for local development. The AppHost passes the port, data folder and bucket
// through the environment so that Aspire can pick free ports (tests run beside a dev instance).
'use strict';
const path = require('path');
const crypto = require('crypto');

// s3rver encrypts list continuation tokens with single DES, which OpenSSL 3 no longer offers: any listing longer
// than one page (1,000 keys, or MaxKeys) failed with InternalError. Two-key triple DES with both keys equal is
// single DES, with the same 8-byte blocks, and it is still available.
if (!crypto.getCiphers().includes('des')) {
  for (const name of ['createCipheriv', 'createDecipheriv']) {
    const original = crypto[name];
    crypto[name] = (algorithm, key, iv, options) => algorithm === 'des'
      ? original('des-ede-cbc', Buffer.concat([key, key]), iv, options)
      : original(algorithm, key, iv, options);
  }
}
const S3rver = require('s3rver');

const port = Number(process.env.S3_PORT || 4569);
// Loopback unless told otherwise: bench/hosts.sh runs s3rver on a host of its own, reached by the silos' hosts.
const address = process.env.S3_ADDRESS || '127.0.0.1';
const directory = path.resolve(process.env.S3_DATA_DIR || path.join(__dirname, 'data'));
// The bucket comes from the AppHost, which holds the one default; without it there is nothing to serve.
const buckets = (process.env.S3_BUCKETS || '').split(',').filter(Boolean);
if (buckets.length === 0) { console.error('S3_BUCKETS is not set: name the bucket(s) to create'); process.exit(2); }

const server = new S3rver({
  address,
  port,
  directory,
  silent: process.env.S3_VERBOSE !== '1',
  configureBuckets: buckets.map(name => ({ name })),
});

server.run().then(
  ({ address, port: bound }) => console.log(`s3rver listening on http://${address}:${bound}, data in ${directory}, buckets: ${buckets.join(', ')}`),
  err => { console.error(`s3rver failed to start: ${err.message}`); process.exit(1); });

// The AppHost stops every resource at once. The silo flushes its pending changes to S3 while it shuts down,
// so s3rver keeps serving for a short grace period before it exits; a second signal exits at once.
const graceMs = Number(process.env.S3_SHUTDOWN_GRACE_MS ?? 8000);
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    if (stopping) process.exit(0);
    stopping = true;
    setTimeout(() => server.close().finally(() => process.exit(0)), graceMs);
  });
}
