import { readFileSync } from 'node:fs';
import { packageBuild } from '../../tooling/tsup.config.base';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export default packageBuild({
  // The worker runs the engine on a thread with a large stack; main.ts loads it
  // from next to itself (dist/worker.js).
  entry: { pymem: 'src/main.ts', worker: 'src/worker.ts' },
  platform: 'node',
  dts: false,
  banner: { js: '#!/usr/bin/env node' },
  define: { __PYMEM_CLI_VERSION__: JSON.stringify(version) },
});
