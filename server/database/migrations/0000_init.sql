CREATE TYPE "public"."license_status" AS ENUM('valid', 'invalid');--> statement-breakpoint
CREATE TYPE "public"."record_kind" AS ENUM('license', 'penalty', 'enforcement', 'confirmation', 'levy', 'benefit', 'ruling', 'compensation', 'reward', 'inspection', 'redList', 'blackList', 'watchList', 'judgmentDefaulter');--> statement-breakpoint
CREATE TYPE "public"."record_state" AS ENUM('active', 'expired', 'withdrawn', 'repaired');--> statement-breakpoint
CREATE TYPE "public"."severity" AS ENUM('minor', 'general', 'serious');--> statement-breakpoint
CREATE TYPE "public"."subject_kind" AS ENUM('legal_entity', 'individual_business', 'natural_person');--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"detail" jsonb,
	"success" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog" (
	"department_id" integer NOT NULL,
	"kind" "record_kind" NOT NULL,
	CONSTRAINT "catalog_department_id_kind_pk" PRIMARY KEY("department_id","kind")
);
--> statement-breakpoint
CREATE TABLE "department_keys" (
	"id" serial PRIMARY KEY NOT NULL,
	"department_id" integer NOT NULL,
	"key_hash" text NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "department_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"credit_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "departments_slug_unique" UNIQUE("slug"),
	CONSTRAINT "departments_name_unique" UNIQUE("name"),
	CONSTRAINT "departments_credit_code_unique" UNIQUE("credit_code")
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"record_id" bigint NOT NULL,
	"claimed_until" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "records" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" "record_kind" NOT NULL,
	"subject_id" bigint NOT NULL,
	"department_id" integer NOT NULL,
	"state" "record_state" DEFAULT 'active' NOT NULL,
	"subject_name" text NOT NULL,
	"document_number" text NOT NULL,
	"document_name" text,
	"decision_date" date NOT NULL,
	"content" text NOT NULL,
	"legal_basis" text,
	"authority" text NOT NULL,
	"authority_credit_code" text,
	"source_department" text NOT NULL,
	"source_department_credit_code" text,
	"remarks" text,
	"license_category" text,
	"certificate_name" text,
	"license_number" text,
	"valid_from" date,
	"valid_to" date,
	"license_status" "license_status",
	"violation_type" text,
	"violation_facts" text,
	"penalty_categories" text[],
	"fine_amount" numeric(18, 6),
	"confiscated_amount" numeric(18, 6),
	"suspended_license" text,
	"penalty_valid_until" date,
	"disclosure_deadline" date,
	"severity" "severity",
	"repairable_from" date,
	"public_until" date,
	"content_hash" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subjects" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"identity_key" text NOT NULL,
	"kind" "subject_kind" NOT NULL,
	"name" text NOT NULL,
	"credit_code" text,
	"business_reg_no" text,
	"org_code" text,
	"tax_reg_no" text,
	"institution_cert_no" text,
	"social_org_cert_no" text,
	"legal_representative" text,
	"legal_rep_id_type" text,
	"legal_rep_id_number" text,
	"id_type" text,
	"id_number" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subjects_identity_key_unique" UNIQUE("identity_key"),
	CONSTRAINT "subjects_credit_code_unique" UNIQUE("credit_code")
);
--> statement-breakpoint
ALTER TABLE "catalog" ADD CONSTRAINT "catalog_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "department_keys" ADD CONSTRAINT "department_keys_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records" ADD CONSTRAINT "records_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records" ADD CONSTRAINT "records_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "records_department_kind_document_idx" ON "records" USING btree ("department_id","kind","document_number");--> statement-breakpoint
CREATE INDEX "records_subject_idx" ON "records" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "records_expiry_idx" ON "records" USING btree ("public_until") WHERE state = 'active';