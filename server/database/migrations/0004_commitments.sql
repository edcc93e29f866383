CREATE TYPE "public"."commitment_disclosure" AS ENUM('public', 'restricted', 'private');--> statement-breakpoint
CREATE TYPE "public"."commitment_fulfilment" AS ENUM('fulfilled', 'partial', 'unfulfilled');--> statement-breakpoint
CREATE TYPE "public"."commitment_type" AS ENUM('approval_substitute', 'incomplete_acceptance', 'certification', 'repair', 'industry_self_discipline', 'voluntary', 'other');--> statement-breakpoint
CREATE TABLE "commitment_drafts" (
	"id" serial PRIMARY KEY NOT NULL,
	"subject_id" bigint NOT NULL,
	"template_id" integer NOT NULL,
	"matter" text NOT NULL,
	"accepting_department_id" integer NOT NULL,
	"judging_department_id" integer NOT NULL,
	"disclosure" "commitment_disclosure" NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"commitment_id" bigint
);
--> statement-breakpoint
CREATE TABLE "commitment_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"commitment_id" bigint NOT NULL,
	"claimed_until" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commitment_template_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"template_id" integer NOT NULL,
	"version" integer NOT NULL,
	"matter" text NOT NULL,
	"content" text NOT NULL,
	"liability" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commitment_templates" (
	"id" serial PRIMARY KEY NOT NULL,
	"type" "commitment_type" NOT NULL,
	"domain" text NOT NULL,
	"title" text NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commitments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"request_key" text,
	"type" "commitment_type" NOT NULL,
	"template_version_id" integer NOT NULL,
	"subject_id" bigint NOT NULL,
	"signer_id" integer NOT NULL,
	"subject_name" text NOT NULL,
	"credit_code" text,
	"matter" text NOT NULL,
	"content" text NOT NULL,
	"liability" text NOT NULL,
	"accepting_body" text NOT NULL,
	"accepting_body_credit_code" text NOT NULL,
	"judging_department_id" integer NOT NULL,
	"disclosure" "commitment_disclosure" NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"signature" text NOT NULL,
	"content_hash" text NOT NULL,
	"seal" text NOT NULL,
	"key_id" text NOT NULL,
	"fulfilment" "commitment_fulfilment",
	"fulfilment_note" text,
	"fulfilment_by" integer,
	"fulfilment_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commitments_code_unique" UNIQUE("code"),
	CONSTRAINT "commitments_request_key_unique" UNIQUE("request_key")
);
--> statement-breakpoint
ALTER TABLE "commitment_drafts" ADD CONSTRAINT "commitment_drafts_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_drafts" ADD CONSTRAINT "commitment_drafts_template_id_commitment_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."commitment_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_drafts" ADD CONSTRAINT "commitment_drafts_accepting_department_id_departments_id_fk" FOREIGN KEY ("accepting_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_drafts" ADD CONSTRAINT "commitment_drafts_judging_department_id_departments_id_fk" FOREIGN KEY ("judging_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_drafts" ADD CONSTRAINT "commitment_drafts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_drafts" ADD CONSTRAINT "commitment_drafts_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_template_versions" ADD CONSTRAINT "commitment_template_versions_template_id_commitment_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."commitment_templates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_template_versions" ADD CONSTRAINT "commitment_template_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_template_version_id_commitment_template_versions_id_fk" FOREIGN KEY ("template_version_id") REFERENCES "public"."commitment_template_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_signer_id_users_id_fk" FOREIGN KEY ("signer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_judging_department_id_departments_id_fk" FOREIGN KEY ("judging_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_fulfilment_by_users_id_fk" FOREIGN KEY ("fulfilment_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commitment_drafts_subject_idx" ON "commitment_drafts" USING btree ("subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "commitment_template_versions_idx" ON "commitment_template_versions" USING btree ("template_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "commitment_templates_type_domain_idx" ON "commitment_templates" USING btree ("type","domain");--> statement-breakpoint
CREATE INDEX "commitments_subject_idx" ON "commitments" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "commitments_judging_idx" ON "commitments" USING btree ("judging_department_id");