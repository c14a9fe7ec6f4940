import type { Scenario } from '../model/schema.ts';

type Source = Scenario['sources'][number];

/** A source in a list: its title as a link, then publisher and date. */
export function SourceItem({ source: s }: { source: Source }) {
  return (
    <li>
      <a href={s.url} rel="noreferrer" target="_blank">
        {s.title}
      </a>{' '}
      ({s.publisher}, {s.date})
    </li>
  );
}
