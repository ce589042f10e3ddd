/**
 * Optimal string alignment distance: Levenshtein plus adjacent transpositions ("Trsut",
 * "nmae"). With maxLength, only that many characters of each are compared and the rest
 * count as insertions, so a pasted paragraph costs nothing quadratic.
 */
export function editDistance(a: string, b: string, maxLength = Infinity): number {
  const x = a.slice(0, maxLength);
  const y = b.slice(0, maxLength);
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[x.length][y.length] + Math.abs(a.length - x.length - (b.length - y.length));
}
