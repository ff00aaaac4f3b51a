/**
 * One CSV cell, safe to open in a spreadsheet: a value that a spreadsheet would run as a formula
 * (starting with =, +, -, @, tab or CR) is prefixed with an apostrophe so it stays text, and a value
 * holding a quote, comma or line break is quoted with its quotes doubled (RFC 4180).
 */
export function csvCell(value: string): string {
  let v = value;
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
