/**
 * A QR code of a text (a link), drawn as SVG from uqr's matrix of modules: black runs on white,
 * with a quiet border, crisp at any size. Loaded on demand (React.lazy), so the encoder is not part
 * of the page's first download.
 */
import { useMemo } from 'react';
import { encode } from 'uqr';

/** The dark modules as one path: a rectangle for each run of dark modules in a row. */
function pathOf(rows: boolean[][]): string {
  let d = '';
  rows.forEach((row, y) => {
    for (let x = 0; x < row.length;) {
      if (!row[x]) {
        x++;
        continue;
      }
      const from = x;
      while (row[x]) x++;
      d += `M${from},${y}h${x - from}v1h${from - x}z`;
    }
  });
  return d;
}

export default function QrCode({ text, label, size }: { text: string; label: string; size: number }) {
  const { data, size: modules } = useMemo(() => encode(text, { ecc: 'M', border: 4 }), [text]);
  const d = useMemo(() => pathOf(data), [data]);
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      role="img"
      aria-label={label}
      className="qr"
      viewBox={`0 0 ${modules} ${modules}`}
      width={size}
      height={size}
      shapeRendering="crispEdges"
    >
      <rect width={modules} height={modules} fill="#ffffff" />
      <path d={d} fill="#000000" />
    </svg>
  );
}
