import { isStaffRole } from '../../../shared/roles'
import type { Role } from '../../../shared/schemas/accounts'
import { addWorkingDays } from '../../../shared/utils/workingDays'
import type { IsoDate } from '../../../shared/utils/dates'
import { refuse } from '../../utils/errors'

export type ApplicationKind = 'claim' | 'objection' | 'repair' | 'registration' | 'commitment'

/** Who acts: the applicant of this application, or staff by role (and department for reviewers). */
export interface Actor { id: number, role: Role, departmentId: number | null }
export type Party = Role | 'applicant'

export interface Transition<S extends string> {
  label: string
  from: readonly S[]
  to: S
  by: readonly Party[]
  /** A decision against the applicant must say why. */
  reasonRequired?: boolean
  /** Working days the next step gets from today; null when the application is closed; 'keep' leaves the clock running. */
  dueInWorkingDays: number | null | 'keep'
}

export interface Workflow<S extends string = string, A extends string = string> {
  kind: ApplicationKind
  label: string
  initial: S
  initialDueInWorkingDays: number
  states: Record<S, { label: string, open: boolean }>
  transitions: Record<A, Transition<S>>
}

export interface Plan<S extends string> { to: S, dueOn: IsoDate | null | 'keep' }

/** What `actor` may do now: the actions a console or 我的 shows as buttons. */
export function availableActions<S extends string, A extends string>(
  workflow: Workflow<S, A>, state: S, parties: readonly Party[],
): A[] {
  return (Object.keys(workflow.transitions) as A[]).filter((action) => {
    const t = workflow.transitions[action]
    return t.from.includes(state) && t.by.some(p => parties.includes(p))
  })
}

/**
 * Checks one transition against the workflow and says where it leads; refuses with a message that says
 * why when the action is unknown, not allowed from this state, not this party's, or lacks a reason.
 */
export function planTransition<S extends string, A extends string>(
  workflow: Workflow<S, A>, state: S, action: string, parties: readonly Party[], reason: string | undefined, today: IsoDate,
): Plan<S> {
  const transition = (workflow.transitions as Record<string, Transition<S> | undefined>)[action]
  if (!transition) throw refuse(400, `无效的操作：${action}`, 'action')
  if (!transition.by.some(p => parties.includes(p))) throw refuse(403, `您无权对该申请执行“${transition.label}”`, 'action')
  if (!transition.from.includes(state)) {
    throw refuse(409, `申请当前为“${workflow.states[state].label}”，不能${transition.label}`, 'action')
  }
  if (transition.reasonRequired && !reason?.trim()) throw refuse(400, `${transition.label}须填写理由`, 'reason')
  const due = transition.dueInWorkingDays
  const dueOn = due === null || due === 'keep' ? due : addWorkingDays(today, due)
  return { to: transition.to, dueOn }
}

/** How an actor stands to one application, as the query that finds it for the actor says (access.ts). */
export interface Standing {
  /** The actor filed it. */
  applicant: boolean
  /** The actor acts for its subject (an approved claim). */
  agent: boolean
}

export const recusalMessage = '您是该申请的申请人或代理该主体，不能处理本申请（回避）'

/** 回避 (segregation of duties): staff who filed an application, or act for its subject, do not decide it. */
export const recused = (actor: Actor, standing: Standing) =>
  isStaffRole(actor.role) && (standing.applicant || standing.agent)

/**
 * The parties an actor is for one application: its applicant, its role, or both. A recused staff member is
 * not staff for it, only what it is besides: the applicant, or an agent of the subject.
 */
export function partiesOf(actor: Actor, standing: Standing): Party[] {
  const parties: Party[] = standing.applicant ? ['applicant'] : []
  if (!recused(actor, standing)) parties.push(actor.role)
  else if (standing.agent) parties.push('subject_agent')
  return parties
}

/** Whether `action` is refused only for 回避: the actor's role may take it, but not on this application. */
export function refusedForRecusal(workflow: Workflow, action: string, actor: Actor, standing: Standing): boolean {
  const transition = (workflow.transitions as Record<string, Transition<string> | undefined>)[action]
  if (!transition || !recused(actor, standing) || !transition.by.includes(actor.role)) return false
  return !partiesOf(actor, standing).some(p => transition.by.includes(p))
}
