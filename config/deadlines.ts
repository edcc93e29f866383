/** Deadlines in Chinese working days (DOMAIN.md rules 2, 4, 5): the credit office changes them here. */
export const deadlines = {
  /** A department publishes a 双公示 record within this many working days of the decision. */
  publicationWorkingDays: 7,
  /** The credit office decides a subject claim (主体认领) within this many working days. */
  claimReviewWorkingDays: 3,
  /** The publishing department decides an objection within this many working days (seed 000 §25). */
  objectionWorkingDays: 5,
  /** The credit office's first review (初审) of a repair application (seed 000 §24). */
  repairReviewWorkingDays: 3,
  /** The finding department's decision on an accepted repair application. */
  repairDecisionWorkingDays: 7,
  /** The department concerned (or the credit office) verifies a voluntary registration (自愿注册). */
  registrationWorkingDays: 5,
}
