import { BackupError } from '../db/backup'

/**
 * Runs one of the commands (migrate, seed, backup, restore) and exits: an expected failure (a
 * mistake in the arguments or the environment) prints its message alone, anything else its
 * stack too.
 */
export const runCommand = async (main: () => Promise<void>) => {
  try {
    await main()
    process.exit(0)
  } catch (error) {
    const expected = error instanceof BackupError || (error as Error)?.name === 'ConfigurationError'
    console.error(expected ? (error as Error).message : error)
    process.exit(error instanceof BackupError ? error.exitCode : expected ? 2 : 1)
  }
}
