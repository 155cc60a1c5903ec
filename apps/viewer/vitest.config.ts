import { packageTests } from '../../tooling/vitest.config.base';

export default packageTests();
