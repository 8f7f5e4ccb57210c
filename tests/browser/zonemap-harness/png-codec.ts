// PNG bytes ⇄ RGBA pixels, each on a worker thread of its own (png-codec-worker.mjs says why: pngjs inside jest's
// module sandbox is 25–100 times slower than in plain Node).
import { Worker } from 'node:worker_threads';

/** An image as pixelmatch reads it: RGBA, 8 bits a channel, rows top to bottom. */
export type RgbaImage = { width: number; height: number; data: Uint8Array };

const WORKER = new URL('./png-codec-worker.mjs', import.meta.url);

function run<T>(job: Record<string, unknown>, transfer: ArrayBuffer[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: job, transferList: transfer });
    worker.once('message', (answer: T) => resolve(answer));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) {
        reject(new Error(`the PNG worker exited with code ${code}`));
      }
    });
  });
}

/** Copies into a buffer of its own, so that transferring it to the worker leaves the caller's bytes intact. */
const ownCopy = (bytes: Uint8Array): Uint8Array => new Uint8Array(bytes);

export function decodePng(bytes: Uint8Array): Promise<RgbaImage> {
  const copy = ownCopy(bytes);
  return run<RgbaImage>({ op: 'decode', bytes: copy }, [copy.buffer as ArrayBuffer]);
}

export async function encodePng(
  image: RgbaImage,
  options: { colorType: 2 | 6; deflateLevel: number }
): Promise<Uint8Array> {
  const data = ownCopy(image.data);
  const { bytes } = await run<{ bytes: Uint8Array }>(
    { op: 'encode', width: image.width, height: image.height, data, options },
    [data.buffer as ArrayBuffer]
  );
  return bytes;
}
