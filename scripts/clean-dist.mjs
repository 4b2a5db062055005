// Empties dist/ before `npm pack` builds it again, so a tarball never carries the output of a source
// file that has since been deleted or renamed.
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
