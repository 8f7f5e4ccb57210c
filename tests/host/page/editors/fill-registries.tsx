// Fills @grafana/data's standardEditorsRegistry and standardFieldConfigEditorRegistry, as Grafana core does at
// boot (otherwise a plugin's `addTextInput` throws `"text" not found`).
import { standardEditorsRegistry, standardFieldConfigEditorRegistry } from '@grafana/data';

import { getAllStandardFieldConfigs } from './field-config-editors';
import { getAllOptionEditors } from './option-editors';

export function fillEditorRegistries() {
  standardEditorsRegistry.setInit(getAllOptionEditors);
  standardFieldConfigEditorRegistry.setInit(getAllStandardFieldConfigs);
}
