import type { Database } from '../../utils/db'
import type { Mailer } from '../../utils/mail'
import { notify } from '../notify'
import { transition, visibleApplication, type TransitionInput } from './applications'
import type { Actor } from './machine'
import { workflowOf } from './registry'

/** One step by an applicant or reviewer: checked, applied with its effects, and reported to the applicant. */
export async function actOnApplication(db: Database, mailer: Mailer | null, actor: Actor, id: number, input: TransitionInput, siteUrl = '') {
  const found = await visibleApplication(db, actor, id, { read: false })
  const { application } = found
  const { workflow, effects, afterStep } = workflowOf(application.kind)
  const updated = await transition(db, workflow, found, actor, input, effects)
  await afterStep?.(db, mailer, updated, input.action, siteUrl)
  if (actor.id !== application.applicantId) {
    const state = workflow.states[updated.state]?.label ?? updated.state
    const reason = input.reason?.trim() ? `理由：${input.reason.trim()}` : ''
    await notify(db, mailer, application.applicantId, {
      title: `您的${workflow.label}申请${state}`,
      body: [`申请编号 ${application.id}（${String(application.data.subjectName ?? '')}）当前状态：${state}。`, reason].filter(Boolean).join('\n'),
      link: `/me/applications/${application.id}`,
    }, siteUrl)
  }
  return updated
}
