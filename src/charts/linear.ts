/**
 * A linear map from a domain onto a range: all that these charts ask of d3-scale's scaleLinear.
 * d3-scale itself brings d3-interpolate, d3-color and d3-format along (about 9 kB gzip, when the
 * page's first download has a budget of 150 kB) for colour interpolation and number formats the
 * charts never use; the ticks and the nice domains come from d3-array, as d3-scale's own do.
 */
export function linear(domain: readonly [number, number], range: readonly [number, number]): (v: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}
