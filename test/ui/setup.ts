import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// React checks this flag to know that the tests wrap updates in act() (Testing Library does);
// without it, every update prints "The current testing environment is not configured to support act(...)".
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// findBy… and waitFor wait for lazily loaded panels; 1 s is too short on a loaded 2-core machine.
configure({ asyncUtilTimeout: 5000 });

afterEach(cleanup);
