// The proactive metrics, one file each; the metric kind 'proactive' (query/metric-kinds/proactive.ts) hands each one here.
import type { Frame } from '../../query/frames.ts';
import type { ProactiveContext } from './context.ts';
import { forecastReceived } from './forecast-received.ts';
import { forecastAccuracy } from './forecast-accuracy.ts';
import { runningAboveForecast } from './running-above.ts';
import { proactiveActions } from './proactive-actions.ts';
import { digitalShare } from './digital-share.ts';

const HANDLERS: Record<string, (ctx: ProactiveContext) => Promise<Frame[]>> = {
  forecast_received: forecastReceived,
  forecast_accuracy: forecastAccuracy,
  running_above_forecast: runningAboveForecast,
  proactive_actions: proactiveActions,
  digital_share: digitalShare,
};

export function runProactiveMetric(ctx: ProactiveContext): Promise<Frame[]> {
  const handler = HANDLERS[ctx.target.metric];
  if (!handler) {
    throw new Error(`no handler for the proactive metric ${ctx.target.metric}`);
  }
  return handler(ctx);
}
