// The zone map's option versions, oldest first: each step migrates saved options from the version before it
// (migrate.ts). Add a step with the next number when an option is renamed or reshaped (renameOption keeps the saved
// value), and never change a step once released. No option has been renamed or reshaped since the panel was made
// (git log of src/panel): version 1 only starts carrying the version.
import type { OptionsStep } from './migrate.ts';

export const ZONE_MAP_OPTION_STEPS: readonly OptionsStep[] = [
  {
    to: 1,
    about: 'The options carry their version; the shape is the one saved before versions',
    migrate: (options) => options,
  },
];
