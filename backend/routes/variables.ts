// GET /v1/variables/{dimension}?language=en|ar&<other dimension>=code,code&kind=&parent= (scope `read`):
// the values of a dimension for a Grafana template variable, as {value: code, text: display name}.
// Other dimensions narrow the list where they relate (the topics of a department, the zones of a kind or
// with a parent); "all", "$__all" or empty mean no filter. See backend/variables/dimensions.ts.
import type { Router } from 'express';
import type { AppContext } from '../http/context.ts';
import { handle } from '../http/async.ts';
import { requireScope } from '../http/auth.ts';
import { ValidationError } from '../http/errors.ts';
import { parseLanguage, rejectUnknown } from '../geo/read-params.ts';
import { VARIABLE_DIMENSIONS, VARIABLE_PARAMS, isVariableDimension } from '../variables/dimensions.ts';
import { listValues } from '../variables/list-values.ts';

export function registerVariables(router: Router, ctx: AppContext): void {
  router.get(
    '/v1/variables/:dimension',
    requireScope(ctx.tokens, 'read'),
    handle(async (req, res) => {
      const dimension = String(req.params.dimension);
      if (!isVariableDimension(dimension)) {
        const shown = dimension.length > 60 ? `${dimension.slice(0, 60)}…` : dimension;
        throw new ValidationError(`unknown dimension "${shown}"; valid: ${VARIABLE_DIMENSIONS.join(', ')}`, [
          { path: 'path.dimension', message: `must be one of ${VARIABLE_DIMENSIONS.join(', ')}` },
        ]);
      }
      rejectUnknown(req.query, VARIABLE_PARAMS);
      const language = parseLanguage(req.query);
      const values = await listValues(ctx, dimension, req.query, language);
      res.json({ values });
    })
  );
}
