// PNG decoding and encoding (pngjs) on a worker thread, outside the test runner's module sandbox: inside jest's vm
// context pngjs ran 25 to 100 times slower than in plain Node (a 4K reference took 6 s to decode and 45 s to encode;
// 0.2 s and 0.5 s here), which made the visual regression test the slowest of the suite. One job per worker:
//   { op: 'decode', bytes }                       → { width, height, data }  (RGBA, 8 bits a channel)
//   { op: 'encode', width, height, data, options } → { bytes }
import { parentPort, workerData } from 'node:worker_threads';
import pngjs from 'pngjs';

const { PNG } = pngjs;
const job = workerData;
if (job.op === 'decode') {
  const png = PNG.sync.read(Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength));
  const data = new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength);
  parentPort.postMessage({ width: png.width, height: png.height, data }, [data.buffer]);
} else if (job.op === 'encode') {
  const png = new PNG({ width: job.width, height: job.height });
  png.data = Buffer.from(job.data.buffer, job.data.byteOffset, job.data.byteLength);
  const bytes = new Uint8Array(PNG.sync.write(png, job.options));
  parentPort.postMessage({ bytes }, [bytes.buffer]);
} else {
  throw new Error(`unknown PNG job ${String(job.op)}`);
}
