import { packageBuild } from '../../tooling/tsup.config.base';

export default packageBuild({
  entry: { pymem: 'src/main.ts' },
  platform: 'node',
  dts: false,
  banner: { js: '#!/usr/bin/env node' },
});
