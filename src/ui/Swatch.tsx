/** A small colour dot (an SVG attribute, not an inline style, so a strict CSP allows it). */
export function Swatch({ color, dashed = false }: { color: string; dashed?: boolean }) {
  return (
    <svg className="swatch" width="18" height="10" viewBox="0 0 18 10" aria-hidden="true">
      {dashed ? (
        <line x1="1" y1="5" x2="17" y2="5" stroke={color} strokeWidth="2" strokeDasharray="3 3" />
      ) : (
        <line x1="1" y1="5" x2="17" y2="5" stroke={color} strokeWidth="3" strokeLinecap="round" />
      )}
    </svg>
  );
}
