/** A small colour key (SVG attributes, not inline styles, so a strict CSP allows it). */
export function Swatch({ color, dashed = false, band = false }: { color: string; dashed?: boolean; band?: boolean }) {
  return (
    <svg className="swatch" width="18" height="10" viewBox="0 0 18 10" aria-hidden="true">
      {band ? (
        <rect x="1" y="1" width="16" height="8" fill={color} className="swatch-range" />
      ) : dashed ? (
        <line x1="1" y1="5" x2="17" y2="5" stroke={color} strokeWidth="2" strokeDasharray="3 3" />
      ) : (
        <line x1="1" y1="5" x2="17" y2="5" stroke={color} strokeWidth="3" strokeLinecap="round" />
      )}
    </svg>
  );
}
