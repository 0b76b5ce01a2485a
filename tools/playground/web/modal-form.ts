/** A modal (interaction callback type 9) read into form fields, and the checks Discord's client makes on submit. */

export type ModalField =
  | { kind: 'text'; customId: string; label: string; description?: string; paragraph: boolean; required: boolean; minLength?: number; maxLength?: number; placeholder?: string; value: string }
  | { kind: 'select'; customId: string; label: string; description?: string; required: boolean; min: number; max: number; options: Array<{ label: string; value: string; description?: string; default: boolean }> }
  | { kind: 'text-display'; content: string }
  | { kind: 'unsupported'; type: number };

type Json = Record<string, unknown>;
const rec = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/** Fills a user, role, mentionable or channel menu with what the server holds. */
export type MenuChoices = (type: number, channelTypes?: number[]) => Array<{ label: string; value: string; description?: string }>;

function field(component: Json, label: string | undefined, description: string | undefined, choices?: MenuChoices): ModalField {
  if (component.type === 4) {
    const out: ModalField = {
      kind: 'text',
      customId: str(component.custom_id) ?? '',
      label: label ?? str(component.label) ?? '',
      paragraph: component.style === 2,
      required: component.required !== false,
      value: str(component.value) ?? '',
    };
    if (description) out.description = description;
    const minLength = num(component.min_length);
    const maxLength = num(component.max_length);
    const placeholder = str(component.placeholder);
    if (minLength !== undefined) out.minLength = minLength;
    if (maxLength !== undefined) out.maxLength = maxLength;
    if (placeholder) out.placeholder = placeholder;
    return out;
  }
  if (typeof component.type === 'number' && [5, 6, 7, 8].includes(component.type)) {
    const defaults = new Set((Array.isArray(component.default_values) ? component.default_values : []).map((value) => str(rec(value).id)));
    const channelTypes = Array.isArray(component.channel_types) ? (component.channel_types as number[]) : undefined;
    const options = (choices?.(component.type, channelTypes) ?? []).map((choice) => ({ ...choice, default: defaults.has(choice.value) }));
    return field({ ...component, type: 3, options }, label, description);
  }
  if (component.type === 3) {
    const options = (Array.isArray(component.options) ? component.options : []).map((raw) => {
      const option = rec(raw);
      const optionDescription = str(option.description);
      return { label: str(option.label) ?? '', value: str(option.value) ?? '', ...(optionDescription ? { description: optionDescription } : {}), default: option.default === true };
    });
    const out: ModalField = {
      kind: 'select',
      customId: str(component.custom_id) ?? '',
      label: label ?? '',
      required: component.required !== false,
      min: num(component.min_values) ?? 1,
      max: num(component.max_values) ?? 1,
      options,
    };
    if (description) out.description = description;
    return out;
  }
  if (component.type === 10) return { kind: 'text-display', content: str(component.content) ?? '' };
  return { kind: 'unsupported', type: num(component.type) ?? 0 };
}

export function modalFields(modal: Json, choices?: MenuChoices): ModalField[] {
  const components = Array.isArray(modal.components) ? modal.components.map(rec) : [];
  return components.flatMap((entry): ModalField[] => {
    if (entry.type === 1) return (Array.isArray(entry.components) ? entry.components : []).map((child) => field(rec(child), undefined, undefined, choices));
    if (entry.type === 18) return [field(rec(entry.component), str(entry.label), str(entry.description), choices)];
    return [field(entry, undefined, undefined, choices)];
  });
}

/** The refusals Discord's client shows before it sends a modal. */
export function checkModal(fields: readonly ModalField[], values: Record<string, string | string[]>): string[] {
  const errors: string[] = [];
  for (const item of fields) {
    if (item.kind === 'text') {
      const value = String(values[item.customId] ?? '');
      if (item.required && value.trim() === '') errors.push(`${item.label}: this field is required`);
      else if (value !== '' && item.minLength !== undefined && value.length < item.minLength) errors.push(`${item.label}: at least ${item.minLength} characters`);
      if (item.maxLength !== undefined && value.length > item.maxLength) errors.push(`${item.label}: at most ${item.maxLength} characters`);
    } else if (item.kind === 'select') {
      const chosen = Array.isArray(values[item.customId]) ? (values[item.customId] as string[]) : [];
      const min = item.required ? Math.max(1, item.min) : item.min;
      if (chosen.length < min) errors.push(`${item.label}: choose at least ${min}`);
      if (chosen.length > item.max) errors.push(`${item.label}: choose at most ${item.max}`);
    }
  }
  return errors;
}
