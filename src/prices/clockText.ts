const two = (n: number): string => String(n).padStart(2, '0');

/** HH:MM:SS of an instant in the computer's local time zone, as a desk reads its clock. */
export function clockText(epochMs: number): string {
  const d = new Date(epochMs);
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}
