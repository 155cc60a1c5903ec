import { packageTests } from '../tooling/vitest.config.base';

/** The shared test configuration: test/**, workspace packages from their sources. */
export default packageTests();
