/**
 * User Timing for the lever budget: a mark when a lever's input handler starts, and a measure
 * ("lever-update") once every chart has been committed. Read by `npm run bench:ui`.
 */
let pending = false;

export function markLeverInput(): void {
  pending = true;
  performance.mark('lever-input');
}

export function measureLeverUpdate(): void {
  if (!pending) return;
  pending = false;
  performance.measure('lever-update', 'lever-input');
  performance.clearMarks('lever-input');
}
