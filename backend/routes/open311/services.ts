// GET /open311/v2/services(.json|.xml) and /services/{code}(.json|.xml): our topics as services,
// each with its definition (the category list and the external_id attribute). Public, no key.
import type { Router } from 'express';
import { handle } from '../../http/async.ts';
import type { AppContext } from '../../http/context.ts';
import { NotFoundError } from '../../http/errors.ts';
import { serviceDefinition, serviceList } from '../../open311/service-catalog.ts';
import { send } from './respond.ts';
import { langOf, withFormats, withoutFormat } from './negotiate.ts';

export function registerServices(router: Router, ctx: AppContext): void {
  router.get(
    withFormats('/services'),
    handle(async (req, res) => {
      const lang = langOf(req);
      send(res, 200, 'services', serviceList(await ctx.reference.get(), lang));
    })
  );

  router.get(
    '/services/:code',
    handle(async (req, res) => {
      const lang = langOf(req);
      const code = withoutFormat(String(req.params.code));
      const definition = serviceDefinition(await ctx.reference.get(), code, lang);
      if (!definition) {
        throw new NotFoundError(`service_code "${code}"`, 'service_code');
      }
      send(res, 200, 'service_definition', definition);
    })
  );
}
