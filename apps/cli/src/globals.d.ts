/** The CLI's version, from apps/cli/package.json, inlined by tsup (`define`). */
declare const __PYMEM_CLI_VERSION__: string;
