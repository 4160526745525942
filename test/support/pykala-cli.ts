// The `pykala` command run from sources, for tests that need it as a separate process.
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
