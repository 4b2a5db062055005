/** commander accumulator for repeatable list options: `--only a,b --only c`. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
