import { redactConsole } from '../utils/log'

/** Before anything else is logged: nothing written to the console carries an ID number or query parameters. */
export default defineNitroPlugin(() => {
  redactConsole()
})
