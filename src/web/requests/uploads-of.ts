import type { Upload } from '../../modules/requests/uploads.ts';
import type { FormData } from '../form-data.ts';

/** Every uploaded file of a form, with the field it came in. */
export function uploadsOf(form: FormData, fields?: readonly string[]): Upload[] {
  return Object.entries(form.files)
    .filter(([name]) => !fields || fields.includes(name))
    .flatMap(([name, list]) => list.map((f) => ({ field: name, filename: f.filename, bytes: f.bytes })));
}
