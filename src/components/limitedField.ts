import type { FieldValues, Path, RegisterOptions, UseFormRegister } from 'react-hook-form';
import { lengthRule, textLimits, type LimitedField } from '../core/assessment/limits.ts';

/**
 * A react-hook-form registration held to the field's limit (core/assessment/limits.ts), with the
 * input attribute that stops typing or pasting beyond it: what the form accepts, the store keeps
 * and an exported file carries back in.
 */
export function limitedField<T extends FieldValues>(
  register: UseFormRegister<T>,
  name: Path<T>,
  field: LimitedField,
  validate?: RegisterOptions<T, Path<T>>['validate'],
) {
  return {
    ...register(name, { maxLength: lengthRule(field), ...(validate ? { validate } : {}) }),
    maxLength: textLimits[field],
  };
}
