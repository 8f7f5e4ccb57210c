// The staff who answer: a team of advisors per department, sized to the department's share of the work,
// with made-up names. The same advisors for every seed (codes are stable, so a second demo reuses them).
import { Prng } from './prng.ts';
import { EXPAT_FAMILY_NAMES, EXPAT_FIRST_NAMES, FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES } from './names.ts';

export const ADVISORS_PER_DEPARTMENT: Readonly<Record<string, number>> = {
  waste: 14,
  public_health: 10,
  food_safety: 8,
  buildings: 8,
  drainage: 8,
  parks: 8,
  environment: 8,
  customer_service: 18,
};
const OTHER_DEPARTMENT = 6;
const TEAMS = ['A', 'B', 'C'];

export type AdvisorSeed = { code: string; name: string; department_code: string; team: string };

export function advisorsFor(departments: readonly string[]): AdvisorSeed[] {
  const out: AdvisorSeed[] = [];
  for (const dept of [...departments].sort()) {
    const prng = new Prng('services360-advisors', dept);
    const n = ADVISORS_PER_DEPARTMENT[dept] ?? OTHER_DEPARTMENT;
    for (let i = 1; i <= n; i++) {
      const local = prng.chance(0.6);
      const first = local ? prng.pick(prng.chance(0.5) ? MALE_NAMES : FEMALE_NAMES)[0] : prng.pick(EXPAT_FIRST_NAMES);
      const family = local ? prng.pick(FAMILY_NAMES)[0] : prng.pick(EXPAT_FAMILY_NAMES);
      out.push({
        code: `adv-${dept}-${String(i).padStart(2, '0')}`,
        name: `${first} ${family}`,
        department_code: dept,
        team: `${dept} ${TEAMS[(i - 1) % TEAMS.length]}`,
      });
    }
  }
  return out;
}

/** How fast an advisor works (1 = the department's median): stable per advisor code. */
export function advisorSpeed(code: string): number {
  return new Prng('services360-advisor-speed', code).logNormal(1, 0.25);
}
