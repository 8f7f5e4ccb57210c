// Query variables for every dimension, through the datasource's own editor (VariableQueryEditor).
import {
  CustomVariableSupport,
  FieldType,
  toDataFrame,
  type DataQueryRequest,
  type DataQueryResponse,
} from '@grafana/data';
import { from, type Observable } from 'rxjs';
import type { S360DataSource } from '../datasource.ts';
import type { S360Query, S360VariableQuery } from '../types.ts';
import { VariableQueryEditor } from './VariableQueryEditor.tsx';

export class S360VariableSupport extends CustomVariableSupport<S360DataSource, S360VariableQuery, S360Query> {
  editor = VariableQueryEditor;

  constructor(private readonly datasource: S360DataSource) {
    super();
  }

  query(request: DataQueryRequest<S360VariableQuery>): Observable<DataQueryResponse> {
    const [target] = request.targets;
    return from(
      this.datasource
        .metricFindQuery(target, { scopedVars: request.scopedVars, range: request.range })
        .then((values) => ({
          data: [
            toDataFrame({
              refId: target?.refId ?? 'variable',
              fields: [
                { name: 'text', type: FieldType.string, values: values.map((v) => v.text) },
                { name: 'value', type: FieldType.string, values: values.map((v) => String(v.value ?? v.text)) },
              ],
            }),
          ],
        }))
        .catch((err: unknown) => ({ data: [], error: { message: err instanceof Error ? err.message : String(err) } }))
    );
  }
}
