import { startServer } from '../server.ts';

export async function run(_argv: string[]): Promise<number> {
  const running = await startServer();
  console.log(`services360 aggregator listening on ${running.url}`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      running.close().finally(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
