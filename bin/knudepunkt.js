#!/usr/bin/env node
// Entry point of the `knudepunkt` command. The code is TypeScript run through tsx, so no build step
// stands between a clone and a running application (docs/decisions/002-web-stack.md).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
