// Our journey statuses onto Open311's two: open while the request is being handled; closed once it is
// resolved, closed or cancelled. The detail travels in status_notes ("In progress — Field visit").
export type Open311Status = 'open' | 'closed';
export type StatusClass = 'open' | 'closed' | 'cancelled';

export const OPEN311_STATUSES: readonly Open311Status[] = ['open', 'closed'];

export function toOpen311Status(statusClass: StatusClass): Open311Status {
  return statusClass === 'open' ? 'open' : 'closed';
}

/** The status classes an Open311 `status` filter value stands for. */
export function statusClassesFor(status: Open311Status): StatusClass[] {
  return status === 'open' ? ['open'] : ['closed', 'cancelled'];
}

/**
 * The status name, then the stage when it says more: "In progress — Field visit". A stage whose name
 * already begins with the status's ("Assigned to a team", "On hold (awaiting customer)") stands alone.
 */
export function statusNotes(statusName: string, stageName: string | null): string {
  if (!stageName || stageName === statusName) {
    return statusName;
  }
  if (stageName.toLocaleLowerCase().startsWith(statusName.toLocaleLowerCase())) {
    return stageName;
  }
  return `${statusName} — ${stageName}`;
}
