/**
 * Splits one entry of a metadata-action list input (`type=raw,value=a,enable=true`)
 * into its comma-separated fields, honouring double quotes (`"pattern=\d,\d"`) the way
 * a CSV record does. The action reads these entries as CSV; so does this model.
 */
export function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ",") {
      fields.push(field);
      field = "";
    } else {
      field += ch;
    }
  }
  if (quoted) throw new Error(`unterminated quote in "${line}"; close the double quote`);
  fields.push(field);
  return fields;
}
