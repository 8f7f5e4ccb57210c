// GET /open311/v2/discovery(.json|.xml): where the GeoReport v2 endpoint is and what it speaks.
import type { Router } from 'express';
import { handle } from '../../http/async.ts';
import type { AppContext } from '../../http/context.ts';
import { sql } from '../../db/sql.ts';
import { w3, w3Time } from '../../open311/datetime.ts';
import { send } from './respond.ts';
import { withFormats } from './negotiate.ts';

const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
const CONTACT = 'Services 360 aggregator. Contact the operator of this installation for help.';
const KEY_SERVICE =
  'Reading is open. To create requests, ask the operator for an api_key: a token with the "ingest" scope (services360 create-token --scopes ingest).';

export function registerDiscovery(router: Router, ctx: AppContext): void {
  router.get(
    withFormats('/discovery'),
    handle(async (req, res) => {
      const { rows } = await ctx.pool.query<{ changed_at: Date | null }>(sql('open311/changeset'));
      const changeset = w3(rows[0]?.changed_at) ?? w3Time(new Date(0));
      send(res, 200, 'discovery', {
        changeset,
        contact: CONTACT,
        key_service: KEY_SERVICE,
        endpoints: [
          {
            specification: SPECIFICATION,
            url: `${req.protocol}://${req.get('host')}${req.baseUrl}`,
            changeset,
            type: 'production',
            formats: ['text/xml', 'application/json'],
          },
        ],
      });
    })
  );
}
