CREATE TABLE "practice_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"original_name" text NOT NULL,
	"extension" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "practice_attachments_size_ck" CHECK ("practice_attachments"."size" > 0)
);
--> statement-breakpoint
CREATE TABLE "practice_authors" (
	"practice_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "practice_authors_practice_id_user_id_pk" PRIMARY KEY("practice_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "practice_bookmarks" (
	"practice_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "practice_bookmarks_practice_id_user_id_pk" PRIMARY KEY("practice_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "practice_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"status" text NOT NULL,
	"scores" jsonb,
	"comment" text,
	"taken_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "practice_reviews_status_ck" CHECK ("practice_reviews"."status" in ('in_progress','returned','accepted'))
);
--> statement-breakpoint
CREATE TABLE "practice_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" jsonb NOT NULL,
	"body_html" text NOT NULL,
	"subjects" text[] DEFAULT '{}'::text[] NOT NULL,
	"grade_bands" text[] DEFAULT '{}'::text[] NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	CONSTRAINT "practice_versions_status_ck" CHECK ("practice_versions"."status" in ('draft','submitted','under_review','returned','published','superseded')),
	CONSTRAINT "practice_versions_kind_ck" CHECK ("practice_versions"."kind" in ('practice','recommendations','lesson_plan','case'))
);
--> statement-breakpoint
CREATE TABLE "practice_votes" (
	"practice_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "practice_votes_practice_id_user_id_pk" PRIMARY KEY("practice_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "practices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_by" uuid NOT NULL,
	"organisation_id" uuid,
	"region_id" uuid,
	"current_version_id" uuid,
	"published_version_id" uuid,
	"title" text,
	"title_sort" text,
	"summary" text,
	"kind" text,
	"subjects" text[] DEFAULT '{}'::text[] NOT NULL,
	"grade_bands" text[] DEFAULT '{}'::text[] NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"published_at" timestamp with time zone,
	"updated_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"view_count" integer DEFAULT 0 NOT NULL,
	"useful_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "practices_kind_ck" CHECK ("practices"."kind" is null or "practices"."kind" in ('practice','recommendations','lesson_plan','case')),
	CONSTRAINT "practices_counts_ck" CHECK ("practices"."view_count" >= 0 and "practices"."useful_count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "practice_attachments" ADD CONSTRAINT "practice_attachments_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_attachments" ADD CONSTRAINT "practice_attachments_version_id_practice_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."practice_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_attachments" ADD CONSTRAINT "practice_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_authors" ADD CONSTRAINT "practice_authors_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_authors" ADD CONSTRAINT "practice_authors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_bookmarks" ADD CONSTRAINT "practice_bookmarks_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_bookmarks" ADD CONSTRAINT "practice_bookmarks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_reviews" ADD CONSTRAINT "practice_reviews_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_reviews" ADD CONSTRAINT "practice_reviews_version_id_practice_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."practice_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_reviews" ADD CONSTRAINT "practice_reviews_expert_id_users_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_versions" ADD CONSTRAINT "practice_versions_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_versions" ADD CONSTRAINT "practice_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_votes" ADD CONSTRAINT "practice_votes_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_votes" ADD CONSTRAINT "practice_votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_current_version_id_practice_versions_id_fk" FOREIGN KEY ("current_version_id") REFERENCES "public"."practice_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_published_version_id_practice_versions_id_fk" FOREIGN KEY ("published_version_id") REFERENCES "public"."practice_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "practice_attachments_version_idx" ON "practice_attachments" USING btree ("version_id","created_at");--> statement-breakpoint
CREATE INDEX "practice_attachments_key_idx" ON "practice_attachments" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "practice_authors_user_idx" ON "practice_authors" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "practice_bookmarks_user_idx" ON "practice_bookmarks" USING btree ("user_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "practice_reviews_open_uq" ON "practice_reviews" USING btree ("version_id") WHERE "practice_reviews"."status" in ('in_progress','accepted');--> statement-breakpoint
CREATE INDEX "practice_reviews_expert_idx" ON "practice_reviews" USING btree ("expert_id","status");--> statement-breakpoint
CREATE INDEX "practice_reviews_practice_idx" ON "practice_reviews" USING btree ("practice_id","taken_at");--> statement-breakpoint
CREATE UNIQUE INDEX "practice_versions_number_uq" ON "practice_versions" USING btree ("practice_id","number");--> statement-breakpoint
CREATE INDEX "practice_versions_status_idx" ON "practice_versions" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "practices_published_idx" ON "practices" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "practices_org_idx" ON "practices" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "practices_region_idx" ON "practices" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "practices_subjects_idx" ON "practices" USING gin ("subjects");--> statement-breakpoint
CREATE INDEX "practices_themes_idx" ON "practices" USING gin ("themes");--> statement-breakpoint
CREATE INDEX "practices_grade_bands_idx" ON "practices" USING gin ("grade_bands");