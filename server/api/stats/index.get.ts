import { headlineFigures } from '../../domain/records/stats'
import { usePlatform } from '../../utils/platform'

// Public, the same for everyone, and costly on a large table: cached for five minutes.
export default defineCachedEventHandler(async () => headlineFigures((await usePlatform()).db), { maxAge: 300, name: 'headline-figures' })
