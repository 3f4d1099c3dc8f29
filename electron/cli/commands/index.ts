import type { Command } from '../command';
import { backupCommand, backupsCommand, restoreCommand } from './backup';
import { packCommand } from './pack';
import { reportCommand } from './report';
import { importCommand } from './import';
import { kpiTargetCommand } from './kpiTarget';
import { batchesCommand, demoCommand, initCommand, undoCommand } from './workspace';

/** Every CLI command, in the order `help` lists them. Each area adds its commands here, one line each. */
export const commands: Command[] = [
  initCommand,
  demoCommand,
  importCommand,
  batchesCommand,
  undoCommand,
  reportCommand,
  kpiTargetCommand,
  packCommand,
  backupCommand,
  backupsCommand,
  restoreCommand,
];
