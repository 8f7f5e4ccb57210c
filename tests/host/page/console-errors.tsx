// Collects what a test must see as a failure: console.error calls, uncaught errors, unhandled rejections.
export function collectConsoleErrors(): string[] {
  const errors: string[] = [];
  const original = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    errors.push(args.map(describe).join(' '));
    original(...args);
  };
  window.addEventListener('error', (e) => errors.push(`Uncaught ${describe(e.error ?? e.message)}`));
  window.addEventListener('unhandledrejection', (e) => errors.push(`Unhandled rejection: ${describe(e.reason)}`));
  return errors;
}

function describe(x: unknown): string {
  if (x instanceof Error) {
    return `${x.name}: ${x.message}`;
  }
  if (typeof x === 'string') {
    return x;
  }
  try {
    return JSON.stringify(x);
  } catch {
    return String(x);
  }
}
