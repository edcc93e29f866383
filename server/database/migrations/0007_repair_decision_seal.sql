ALTER TABLE "repair_decisions" ADD COLUMN "facts" jsonb;--> statement-breakpoint
-- Decisions issued before sealing keep what they said, from their application, and stay unsealed.
UPDATE "repair_decisions" d SET "facts" = jsonb_build_object(
  'number', d."number", 'issuedOn', d."issued_on"::text, 'department', dep."name", 'departmentCreditCode', dep."credit_code",
  'subjectName', a."data"->>'subjectName', 'creditCode', a."data"->'creditCode',
  'records', coalesce((select jsonb_agg(jsonb_build_object('kind', r->>'kind', 'documentNumber', r->>'documentNumber', 'decisionDate', r->>'decisionDate'))
    from jsonb_array_elements(a."data"->'records') r), '[]'::jsonb))
FROM "applications" a, "departments" dep WHERE a."id" = d."application_id" AND dep."id" = d."department_id";--> statement-breakpoint
ALTER TABLE "repair_decisions" ALTER COLUMN "facts" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "repair_decisions" ADD COLUMN "content_hash" text;--> statement-breakpoint
ALTER TABLE "repair_decisions" ADD COLUMN "seal" text;--> statement-breakpoint
ALTER TABLE "repair_decisions" ADD COLUMN "key_id" text;
