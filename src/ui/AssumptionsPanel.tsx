import { lazy, Suspense, useState } from 'react';
import { useApp, useScenario, useT } from './context.ts';

const AssumptionsBody = lazy(() => import('./AssumptionsBody.tsx'));

/**
 * The Assumptions panel: every constant that has a plausible range, to be moved within it. A moved
 * constant is the reader's assumption: marked, kept out of the Monte Carlo draws, and in the link.
 */
export function AssumptionsPanel() {
  const scenario = useScenario();
  const { t } = useT();
  const changed = useApp((s) => Object.keys(s.constants).length);
  const uncertain = scenario.constants.filter((c) => c.high > c.low);
  // Built only while open: two dozen controls that most visits never see.
  const [open, setOpen] = useState(false);
  return (
    <details className="assumptions" id="assumptions" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{changed > 0 ? t('assumptionsChanged', { count: changed }) : t('assumptions')}</summary>
      {open && (
        <Suspense fallback={null}>
          <AssumptionsBody constants={uncertain} />
        </Suspense>
      )}
    </details>
  );
}
