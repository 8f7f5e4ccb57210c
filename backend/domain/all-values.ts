// The filter values that mean "every value": the API's `all`, Grafana's All (`$__all`) and a wildcard. One set for
// every route that reads dimension filters (query bodies, geo and recurrence filters, variables, annotations).
export const ALL_VALUES: ReadonlySet<string> = new Set(['all', '$__all', '*']);
