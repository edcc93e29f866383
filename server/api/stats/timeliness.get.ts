import { publicationTimeliness } from '../../domain/records/timeliness'
import { usePlatform } from '../../utils/platform'

// Per department: 双公示 records published within 7 working days of the decision (DOMAIN.md rule 2).
export default defineCachedEventHandler(async () => publicationTimeliness((await usePlatform()).db), { maxAge: 600, name: 'publication-timeliness' })
