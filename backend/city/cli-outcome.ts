// How a city change reads on the command line (config apply, holidays import): the plan was printed by the change;
// then "Applied." or "Dry run: nothing changed."; a bad file is its message, "Nothing was changed." and exit 1.
import { CityFileError } from './check-file.ts';

export async function runCityChange<R extends { applied: boolean; plan: { steps: unknown[] } }>(
  dryRun: boolean,
  change: () => Promise<R>,
  report: (r: R) => void = () => {}
): Promise<number> {
  try {
    const r = await change();
    report(r);
    if (r.applied) {
      console.log('Applied.');
    } else if (dryRun && r.plan.steps.length) {
      console.log('Dry run: nothing changed.');
    }
    return 0;
  } catch (err) {
    if (!(err instanceof CityFileError)) {
      throw err;
    }
    console.error(`${err.message}\nNothing was changed.`);
    return 1;
  }
}
