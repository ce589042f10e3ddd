/** "1 request", "3 requests"; the words are given, so "body"/"bodies" and "goes"/"go" work too. */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
