import { commitmentSignOff } from '../../config/commitments'
import { todayInChina, type IsoDate } from './dates'
import { chineseDate } from './dates'
import { fillTemplate } from './template'

interface Subject { name: string, creditCode: string | null, legalRepresentative: string | null }

/**
 * A template version filled for one subject and matter: the server stores exactly this, and the
 * signing form previews it with the same function, so what the signer reviews is what is sealed.
 */
export function fillCommitment(version: { matter: string, content: string, liability: string }, subject: Subject, matter: string, day: IsoDate = todayInChina()) {
  const values = { subjectName: subject.name, creditCode: subject.creditCode, legalRepresentative: subject.legalRepresentative, date: chineseDate(day), matter: matter.trim() }
  return {
    matter: fillTemplate(version.matter, values),
    content: fillTemplate(version.content, values),
    liability: fillTemplate(version.liability, values),
    signOff: fillTemplate(commitmentSignOff, values),
  }
}
