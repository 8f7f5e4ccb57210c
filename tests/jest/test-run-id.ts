// The run id that names this run's test databases (tests/support/db-names.ts): S360_TEST_RUN when given, else
// one made up here. Set before jest starts its workers, so every test file of the run shares it.
export function ensureTestRunId(): string {
  process.env.S360_TEST_RUN ??= `r${process.pid}${Date.now().toString(36)}`;
  return process.env.S360_TEST_RUN;
}
