import { lazy, memo, Suspense, useState } from 'react';
import { useT } from './context.ts';

const ExplainDetails = lazy(() => import('./ExplainDetails.tsx'));

/**
 * "How this is computed", for a card or a chart: closed, it costs nothing; open, it shows the
 * rule in words and in the file's own expression, and the levers and constants it uses.
 */
export const Explain = memo(function Explain({ ids }: { ids: readonly string[] }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  return (
    <details className="explain" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('howComputed')}</summary>
      {open && (
        <Suspense fallback={null}>
          <ExplainDetails ids={ids} />
        </Suspense>
      )}
    </details>
  );
});
