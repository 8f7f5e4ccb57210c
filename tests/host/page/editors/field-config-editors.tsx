// The standard field config properties Grafana core registers at boot (getAllStandardFieldConfigs in
// public/app/core/components/OptionsUI/registry.tsx): unit, min, max, decimals, displayName, color, noValue,
// links, mappings, thresholds, each with its override processor.
import {
  dataLinksOverrideProcessor,
  displayNameOverrideProcessor,
  FieldType,
  identityOverrideProcessor,
  numberOverrideProcessor,
  standardEditorsRegistry,
  stringOverrideProcessor,
  thresholdsOverrideProcessor,
  ThresholdsMode,
  valueMappingsOverrideProcessor,
  type FieldConfigPropertyItem,
} from '@grafana/data';

export function getAllStandardFieldConfigs(): FieldConfigPropertyItem[] {
  const category = ['Standard options'];
  const editor = (id: string) => standardEditorsRegistry.get(id).editor as any;
  const item = (id: string, editorId: string, rest: Partial<FieldConfigPropertyItem>): FieldConfigPropertyItem =>
    ({
      id,
      path: id,
      name: id,
      editor: editor(editorId),
      override: editor(editorId),
      process: identityOverrideProcessor,
      shouldApply: () => true,
      category,
      ...rest,
    }) as FieldConfigPropertyItem;
  const isNumber = (field: { type: FieldType }) => field.type === FieldType.number;

  return [
    item('unit', 'unit', { name: 'Unit', process: stringOverrideProcessor, settings: { placeholder: 'none' } }),
    item('min', 'number', {
      name: 'Min',
      process: numberOverrideProcessor,
      settings: { placeholder: 'auto' },
      shouldApply: isNumber,
    }),
    item('max', 'number', {
      name: 'Max',
      process: numberOverrideProcessor,
      settings: { placeholder: 'auto' },
      shouldApply: isNumber,
    }),
    item('decimals', 'number', {
      name: 'Decimals',
      process: numberOverrideProcessor,
      settings: { placeholder: 'auto', min: 0, max: 15, integer: true },
      shouldApply: isNumber,
    }),
    item('displayName', 'text', {
      name: 'Display name',
      process: displayNameOverrideProcessor,
      settings: { placeholder: 'none', expandTemplateVars: true },
    }),
    item('color', 'fieldColor', {
      name: 'Color scheme',
      settings: { byValueSupport: true, preferThresholdsMode: true },
    }),
    item('noValue', 'text', { name: 'No value', process: stringOverrideProcessor, settings: { placeholder: '-' } }),
    item('links', 'links', {
      name: 'Data links',
      process: dataLinksOverrideProcessor,
      settings: { placeholder: '-' },
      category: ['Data links'],
    }),
    item('mappings', 'mappings', {
      name: 'Value mappings',
      process: valueMappingsOverrideProcessor,
      settings: {},
      defaultValue: [],
      category: ['Value mappings'],
      shouldApply: (f) => f.type !== FieldType.time,
    }),
    item('thresholds', 'thresholds', {
      name: 'Thresholds',
      process: thresholdsOverrideProcessor,
      settings: {},
      category: ['Thresholds'],
      defaultValue: {
        mode: ThresholdsMode.Absolute,
        steps: [
          { value: -Infinity, color: 'green' },
          { value: 80, color: 'red' },
        ],
      },
    }),
  ];
}
