/**
 * User Timing for the lever budget, read by `npm run bench:ui`: a "lever-update" measure per
 * lever step, from the start of the event that carries the step to the end of its dispatch.
 *
 * The start is the keydown of an arrow key (the browser turns it into an input event in the same
 * task), or the input event itself for a drag or a typed number. The end is a listener on the
 * window in the bubbling phase: it runs after React's handlers, after the store's subscribers
 * have redrawn the charts, cards and arrows, and after any render React flushed for the event.
 * Layout and paint come later and are in the bench's other figure, keypress to next frame.
 */
let stepStart: number | undefined;
let leverChanged = false;

/** Called by a lever's handler: this event changed a lever, so its dispatch is measured. */
export function markLeverInput(): void {
  leverChanged = true;
}

/** Starts measuring lever steps in `target`; returns a function that stops. */
export function watchLeverSteps(target: Window = window): () => void {
  const onKeyDown = () => {
    stepStart = performance.now();
    // A keydown that changes nothing must not become the start of a later step.
    setTimeout(() => {
      stepStart = undefined;
    }, 0);
  };
  const onInput = () => {
    stepStart ??= performance.now();
  };
  const onEnd = () => {
    if (leverChanged && stepStart !== undefined)
      performance.measure('lever-update', { start: stepStart, end: performance.now() });
    if (leverChanged) stepStart = undefined;
    leverChanged = false;
  };
  const listeners: [string, () => void, boolean][] = [
    ['keydown', onKeyDown, true],
    ['input', onInput, true],
    ['change', onInput, true],
    ['keydown', onEnd, false],
    ['input', onEnd, false],
    ['change', onEnd, false],
  ];
  for (const [type, fn, capture] of listeners) target.addEventListener(type, fn, capture);
  return () => {
    for (const [type, fn, capture] of listeners) target.removeEventListener(type, fn, capture);
  };
}
