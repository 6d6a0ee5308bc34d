/** `npm run seed`: loads the demo content. Safe to run again: nothing is added twice. */
import { bootPayload } from '../boot'
import { closePayload } from '../db/close'
import { seedDemoContent } from '../seed'
import { runCommand } from './runCommand'

await runCommand(async () => {
  const payload = await bootPayload({ runJobs: false })
  console.log('Loading the Northmoor Police demo content…')
  console.log(`Done: ${await seedDemoContent(payload)}.`)
  await closePayload(payload)
})
