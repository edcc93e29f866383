ALTER TABLE "course_media" ADD COLUMN "duration_seconds" integer;--> statement-breakpoint
ALTER TABLE "lesson_progress" ADD COLUMN "furthest" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "lesson_progress" ADD COLUMN "started_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "lessons" ADD COLUMN "reading_seconds" integer;--> statement-breakpoint
-- Progress saved before: the furthest point reached is at least where it stands, and the lesson was opened no later than its last save.
UPDATE "lesson_progress" SET "furthest" = "position", "started_at" = least("started_at", "updated_at");
