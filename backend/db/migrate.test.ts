import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { statementsOf } from './migrate.ts';

test('a comment-only edit leaves the statements as they were; any change to a statement does not', () => {
  const applied =
    "-- Dubai's zone, once a constant.\nCREATE TABLE t (x int);  \n\n  -- indented note\nINSERT INTO t VALUES (1);\n";
  assert.equal(
    statementsOf(applied),
    statementsOf("-- The city's zone.\n-- (a second line)\nCREATE TABLE t (x int);\nINSERT INTO t VALUES (1);")
  );
  assert.notEqual(statementsOf(applied), statementsOf('CREATE TABLE t (x int);\nINSERT INTO t VALUES (2);'));
  // A trailing comment is part of its line (it may sit inside a string literal): kept.
  assert.notEqual(statementsOf('SELECT 1; -- a'), statementsOf('SELECT 1; -- b'));
});
