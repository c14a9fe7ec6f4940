/**
 * User Timing for the lever budget, read by `npm run bench:ui`: a "lever-update" measure per
 * lever step, over the dispatch of the event that changed the lever (what Event Timing calls
 * processingStart to processingEnd). That is the input event of an arrow key, a drag or a typed
 * number, or the keydown of PageUp/PageDown and Shift+arrow, which the lever handles itself.
 *
 * It starts in a capturing listener on the window, before any other listener of the event. It
 * ends in a microtask queued once the lever is set: after the store's subscribers have written
 * the charts, cards and arrows, and after the render React flushes for the change (React queues
 * that microtask first, or renders before its own event handler returns). Layout and paint come
 * later; they are in the bench's other figure, keypress to next frame.
 */
let eventStart: number | undefined;
let pending = false;

/** Called once a lever's handler has set the lever: the current event's dispatch is measured. */
export function leverChanged(): void {
  if (pending) return;
  pending = true;
  queueMicrotask(() => {
    pending = false;
    if (eventStart !== undefined) performance.measure('lever-update', { start: eventStart, end: performance.now() });
    eventStart = undefined;
  });
}

/** Starts measuring lever steps in `target`; returns a function that stops. */
export function watchLeverSteps(target: Window = window): () => void {
  const start = () => {
    eventStart = performance.now();
  };
  const types = ['keydown', 'input', 'change'];
  for (const type of types) target.addEventListener(type, start, true);
  return () => {
    for (const type of types) target.removeEventListener(type, start, true);
  };
}
