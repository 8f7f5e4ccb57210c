// The SLA policy of a request, by the rule ingestion uses (backend/sql/ingest/sla_policy_of.sql): among
// the policies valid at its creation whose category, topic, priority and channel are each either unset or equal,
// the most specific wins (topic, then priority, then channel, then category), then the highest version.
export type SlaPolicy = {
  id: number;
  category_code: string | null;
  topic_code: string | null;
  priority: string | null;
  /** migration 0038; absent or null: any channel */
  channel_code?: string | null;
  first_response_minutes: number;
  resolution_minutes: number;
  calendar_code: string;
  valid_from: number;
  valid_to: number | null;
  version: number;
};

export class SlaPolicies<P extends SlaPolicy = SlaPolicy> {
  private candidates = new Map<string, P[]>();
  constructor(private policies: readonly P[]) {}

  choose(
    category: string,
    topic: string | null,
    priority: string,
    createdMs: number,
    channel: string | null = null
  ): P | null {
    const key = `${category}|${topic}|${priority}|${channel}`;
    let list = this.candidates.get(key);
    if (!list) {
      list = this.policies
        .filter(
          (p) =>
            (p.category_code === null || p.category_code === category) &&
            (p.topic_code === null || p.topic_code === topic) &&
            (p.priority === null || p.priority === priority) &&
            (p.channel_code == null || p.channel_code === channel)
        )
        .sort((a, b) => rank(b) - rank(a) || b.version - a.version);
      this.candidates.set(key, list);
    }
    for (const p of list) {
      if (p.valid_from <= createdMs && (p.valid_to === null || p.valid_to > createdMs)) {
        return p;
      }
    }
    return null;
  }
}

function rank(p: SlaPolicy): number {
  return (
    (p.topic_code !== null ? 8 : 0) +
    (p.priority !== null ? 4 : 0) +
    (p.channel_code != null ? 2 : 0) +
    (p.category_code !== null ? 1 : 0)
  );
}
