// The standard option editors Grafana core registers at boot (public/app/core/components/OptionsUI/registry.tsx),
// built from @grafana/ui components. The npm packages ship the registries empty.
import { useState } from 'react';

import {
  fieldColorModeRegistry,
  FieldType,
  type DataLink,
  type FieldColor,
  type SelectableValue,
  type StandardEditorProps,
  type StandardEditorsRegistryItem,
  type ThresholdsConfig,
  ThresholdsMode,
  type ValueMapping,
  MappingType,
} from '@grafana/data';
import {
  Button,
  ColorPicker,
  DataLinksInlineEditor,
  Input,
  MultiSelect,
  RadioButtonGroup,
  Select,
  Slider,
  StatsPicker,
  Switch,
  TextArea,
  TimeZonePicker,
  UnitPicker,
} from '@grafana/ui';

type P<T = any, S = any> = StandardEditorProps<T, S> & { id?: string };

function StringEditor({ value, onChange, item, id }: P<string>) {
  const settings = item.settings ?? {};
  const commit = (e: React.SyntheticEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const v = e.currentTarget.value.trim();
    if (v !== (value ?? '')) {
      onChange(v === '' ? undefined : v);
    }
  };
  return settings.useTextarea ? (
    <TextArea
      id={id}
      defaultValue={value ?? ''}
      rows={settings.rows ?? 5}
      placeholder={settings.placeholder}
      onBlur={commit}
    />
  ) : (
    <Input
      id={id}
      defaultValue={value ?? ''}
      placeholder={settings.placeholder}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit(e as unknown as React.SyntheticEvent<HTMLInputElement>)}
    />
  );
}

function NumberEditor({ value, onChange, item, id }: P<number>) {
  const s = item.settings ?? {};
  return (
    <Input
      id={id}
      type="number"
      defaultValue={value ?? ''}
      min={s.min}
      max={s.max}
      step={s.step ?? (s.integer ? 1 : 'any')}
      placeholder={s.placeholder}
      onBlur={(e) => {
        const raw = e.currentTarget.value;
        const n = raw === '' ? undefined : s.integer ? parseInt(raw, 10) : parseFloat(raw);
        onChange(n === undefined || Number.isNaN(n) ? undefined : n);
      }}
    />
  );
}

function SelectEditor({ value, onChange, item, id, context }: P) {
  const s = item.settings ?? {};
  const [options, setOptions] = useState<SelectableValue[]>(s.options ?? []);
  return (
    <Select
      inputId={id}
      value={value}
      options={options}
      isClearable={s.isClearable}
      allowCustomValue={s.allowCustomValue}
      onOpenMenu={async () => {
        if (s.getOptions) {
          setOptions(await s.getOptions(context));
        }
      }}
      onChange={(v) => onChange(v?.value)}
    />
  );
}

function MultiSelectEditor({ value, onChange, item, id }: P<any[]>) {
  return (
    <MultiSelect
      inputId={id}
      value={value}
      options={item.settings?.options ?? []}
      onChange={(vs) => onChange(vs.map((v) => v.value))}
    />
  );
}

function StringArrayEditor({ value, onChange, item }: P<string[]>) {
  const list = value ?? [];
  return (
    <div>
      {list.map((v, i) => (
        <Input
          key={`${i}-${v}`}
          defaultValue={v}
          placeholder={item.settings?.placeholder}
          onBlur={(e) => onChange(list.map((x, j) => (j === i ? e.currentTarget.value : x)).filter((x) => x !== ''))}
        />
      ))}
      <Input
        key={`new-${list.length}`}
        defaultValue=""
        placeholder={item.settings?.placeholder ?? 'Add text'}
        onBlur={(e) => e.currentTarget.value && onChange([...list, e.currentTarget.value])}
      />
    </div>
  );
}

function FieldColorEditor({ value, onChange }: P<FieldColor>) {
  const modes = fieldColorModeRegistry.list().map((m) => ({ value: m.id, label: m.name, description: m.description }));
  return (
    <div>
      <Select value={value?.mode} options={modes} onChange={(v) => onChange({ ...value, mode: v.value! })} />
      {value?.mode === 'fixed' && (
        <ColorPicker color={value.fixedColor ?? 'green'} onChange={(c) => onChange({ ...value, fixedColor: c })} />
      )}
    </div>
  );
}

function ThresholdsEditor({ value, onChange }: P<ThresholdsConfig>) {
  const cfg = value ?? { mode: ThresholdsMode.Absolute, steps: [] };
  const setStep = (i: number, patch: object) =>
    onChange({ ...cfg, steps: cfg.steps.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  return (
    <div data-testid="thresholds-editor">
      {cfg.steps.map((step, i) => (
        <div key={i} style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
          <ColorPicker color={step.color} onChange={(c) => setStep(i, { color: c })} />
          {i === 0 ? (
            <span>Base</span>
          ) : (
            <Input
              type="number"
              defaultValue={step.value}
              onBlur={(e) => setStep(i, { value: parseFloat(e.currentTarget.value) })}
            />
          )}
          {i > 0 && (
            <Button
              size="sm"
              variant="secondary"
              icon="trash-alt"
              aria-label="Remove threshold"
              onClick={() => onChange({ ...cfg, steps: cfg.steps.filter((_, j) => j !== i) })}
            />
          )}
        </div>
      ))}
      <Button
        size="sm"
        variant="secondary"
        icon="plus"
        onClick={() => {
          const last = cfg.steps[cfg.steps.length - 1];
          onChange({
            ...cfg,
            steps: [...cfg.steps, { value: Number.isFinite(last?.value) ? last.value + 10 : 10, color: 'red' }],
          });
        }}
      >
        Add threshold
      </Button>
      <RadioButtonGroup
        value={cfg.mode}
        onChange={(mode) => onChange({ ...cfg, mode })}
        options={[
          { label: 'Absolute', value: ThresholdsMode.Absolute },
          { label: 'Percentage', value: ThresholdsMode.Percentage },
        ]}
      />
    </div>
  );
}

function ValueMappingsEditor({ value, onChange }: P<ValueMapping[]>) {
  const list = value ?? [];
  const valueMaps = list.filter((m) => m.type === MappingType.ValueToText);
  return (
    <div data-testid="value-mappings-editor">
      {valueMaps.flatMap((m) =>
        Object.entries(m.options).map(([from, result]) => (
          <div key={from} style={{ display: 'flex', gap: 8 }}>
            <span>{from}</span>
            <span>→</span>
            <span>{result.text ?? ''}</span>
          </div>
        ))
      )}
      <Button
        size="sm"
        variant="secondary"
        icon="plus"
        onClick={() => onChange([...list, { type: MappingType.ValueToText, options: {} }])}
      >
        Add value mappings
      </Button>
    </div>
  );
}

function FieldNameEditor({ value, onChange, context, id }: P<string>) {
  const names = new Set<string>();
  for (const frame of context.data ?? []) {
    for (const f of frame.fields) {
      names.add(f.config?.displayName ?? f.name);
    }
  }
  return (
    <Select
      inputId={id}
      value={value}
      options={[...names].map((n) => ({ value: n, label: n }))}
      isClearable
      onChange={(v) => onChange(v?.value)}
    />
  );
}

export function getAllOptionEditors(): StandardEditorsRegistryItem[] {
  return [
    { id: 'text', name: 'Text', description: 'Allows string values input', editor: StringEditor as any },
    { id: 'number', name: 'Number', description: 'Allows numeric values input', editor: NumberEditor as any },
    {
      id: 'slider',
      name: 'Slider',
      description: 'Allows numeric values input',
      editor: (({ value, onChange, item }: P<number>) => (
        <Slider
          value={value}
          min={item.settings?.min ?? 0}
          max={item.settings?.max ?? 100}
          step={item.settings?.step}
          onChange={onChange}
        />
      )) as any,
    },
    {
      id: 'boolean',
      name: 'Boolean',
      description: 'Allows boolean values input',
      editor: (({ value, onChange, id }: P<boolean>) => (
        <Switch id={id} value={!!value} onChange={(e) => onChange(e.currentTarget.checked)} />
      )) as any,
    },
    {
      id: 'radio',
      name: 'Radio',
      description: 'Allows option selection',
      editor: (({ value, onChange, item }: P) => (
        <RadioButtonGroup value={value} options={item.settings?.options ?? []} onChange={onChange} />
      )) as any,
    },
    { id: 'select', name: 'Select', description: 'Allows option selection', editor: SelectEditor as any },
    {
      id: 'multi-select',
      name: 'Multi select',
      description: 'Allows for multiple option selection',
      editor: MultiSelectEditor as any,
    },
    {
      id: 'unit',
      name: 'Unit',
      description: 'Allows unit input',
      editor: (({ value, onChange, id }: P<string>) => <UnitPicker id={id} value={value} onChange={onChange} />) as any,
    },
    {
      id: 'links',
      name: 'Links',
      description: 'Allows defining data links',
      editor: (({ value, onChange, context }: P<DataLink[]>) => (
        <DataLinksInlineEditor links={value} onChange={onChange} data={context.data ?? []} getSuggestions={() => []} />
      )) as any,
    },
    {
      id: 'stats-picker',
      name: 'Stats Picker',
      description: '',
      editor: (({ value, onChange, item }: P<string[]>) => (
        <StatsPicker
          stats={value ?? []}
          onChange={onChange}
          allowMultiple={!!item.settings?.allowMultiple}
          defaultStat={item.settings?.defaultStat}
        />
      )) as any,
    },
    { id: 'strings', name: 'String array', description: 'An array of strings', editor: StringArrayEditor as any },
    {
      id: 'timezone',
      name: 'Time zone',
      description: 'Time zone selection',
      editor: (({ value, onChange }: P<string>) => <TimeZonePicker value={value} onChange={onChange} />) as any,
    },
    { id: 'fieldColor', name: 'Field Color', description: 'Field color selection', editor: FieldColorEditor as any },
    {
      id: 'color',
      name: 'Color',
      description: 'Allows color selection',
      editor: (({ value, onChange }: P<string>) => <ColorPicker color={value ?? 'green'} onChange={onChange} />) as any,
    },
    {
      id: 'field-name',
      name: 'Field name',
      description: 'Allows selecting a field name from a data frame',
      editor: FieldNameEditor as any,
    },
    { id: 'dashboard-uid', name: 'Dashboard', description: 'Select dashboard', editor: StringEditor as any },
    {
      id: 'mappings',
      name: 'Mappings',
      description: 'Allows defining value mappings',
      editor: ValueMappingsEditor as any,
    },
    {
      id: 'thresholds',
      name: 'Thresholds',
      description: 'Allows defining thresholds',
      editor: ThresholdsEditor as any,
    },
  ];
}
