CREATE TABLE "lesson_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"visitor_id" uuid NOT NULL,
	"observed_id" uuid NOT NULL,
	"visited_on" date NOT NULL,
	"class_name" text NOT NULL,
	"subject_code" text NOT NULL,
	"topic" text NOT NULL,
	"focus" text NOT NULL,
	"strengths" text NOT NULL,
	"recommendations" text NOT NULL,
	"next_steps" text NOT NULL,
	"thread_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "lesson_visits_two_people_ck" CHECK ("lesson_visits"."visitor_id" <> "lesson_visits"."observed_id")
);
--> statement-breakpoint
CREATE TABLE "mentor_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pair_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"summary" text NOT NULL,
	"next_steps" text DEFAULT '' NOT NULL,
	"progress" integer NOT NULL,
	"logged_by" uuid,
	"logged_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mentor_meetings_progress_ck" CHECK ("mentor_meetings"."progress" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "mentor_pairs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"mentor_id" uuid NOT NULL,
	"mentee_id" uuid NOT NULL,
	"goals" text NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mentor_pairs_two_people_ck" CHECK ("mentor_pairs"."mentor_id" <> "mentor_pairs"."mentee_id"),
	CONSTRAINT "mentor_pairs_progress_ck" CHECK ("mentor_pairs"."progress" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "org_strengths" (
	"organisation_id" uuid NOT NULL,
	"topic_code" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "org_strengths_organisation_id_topic_code_pk" PRIMARY KEY("organisation_id","topic_code")
);
--> statement-breakpoint
CREATE TABLE "partnership_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partnership_members" (
	"partnership_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "partnership_members_partnership_id_user_id_pk" PRIMARY KEY("partnership_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "partnership_status_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text,
	"by_user_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "partnerships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"leader_org_id" uuid NOT NULL,
	"partner_org_id" uuid NOT NULL,
	"status" text NOT NULL,
	"proposed_by" uuid,
	"proposed_side" text NOT NULL,
	"leader_accepted_at" timestamp with time zone,
	"partner_accepted_at" timestamp with time zone,
	"agreement_number" text,
	"agreement_date" date,
	"period_start" date,
	"period_end" date,
	"goals" text DEFAULT '' NOT NULL,
	"curator_id" uuid,
	"reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"status_changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "partnerships_status_ck" CHECK ("partnerships"."status" in ('proposed','accepted','active','completed','declined','ended')),
	CONSTRAINT "partnerships_two_schools_ck" CHECK ("partnerships"."leader_org_id" <> "partnerships"."partner_org_id"),
	CONSTRAINT "partnerships_period_ck" CHECK ("partnerships"."period_end" is null or "partnerships"."period_start" is null or "partnerships"."period_end" >= "partnerships"."period_start")
);
--> statement-breakpoint
ALTER TABLE "lesson_visits" ADD CONSTRAINT "lesson_visits_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_visits" ADD CONSTRAINT "lesson_visits_visitor_id_users_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_visits" ADD CONSTRAINT "lesson_visits_observed_id_users_id_fk" FOREIGN KEY ("observed_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_visits" ADD CONSTRAINT "lesson_visits_thread_id_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."threads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_meetings" ADD CONSTRAINT "mentor_meetings_pair_id_mentor_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."mentor_pairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_meetings" ADD CONSTRAINT "mentor_meetings_logged_by_users_id_fk" FOREIGN KEY ("logged_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_pairs" ADD CONSTRAINT "mentor_pairs_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_pairs" ADD CONSTRAINT "mentor_pairs_mentor_id_users_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_pairs" ADD CONSTRAINT "mentor_pairs_mentee_id_users_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_pairs" ADD CONSTRAINT "mentor_pairs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_strengths" ADD CONSTRAINT "org_strengths_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_strengths" ADD CONSTRAINT "org_strengths_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_files" ADD CONSTRAINT "partnership_files_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_files" ADD CONSTRAINT "partnership_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_members" ADD CONSTRAINT "partnership_members_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_members" ADD CONSTRAINT "partnership_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_members" ADD CONSTRAINT "partnership_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_members" ADD CONSTRAINT "partnership_members_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_status_changes" ADD CONSTRAINT "partnership_status_changes_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_status_changes" ADD CONSTRAINT "partnership_status_changes_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_leader_org_id_organisations_id_fk" FOREIGN KEY ("leader_org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_partner_org_id_organisations_id_fk" FOREIGN KEY ("partner_org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_curator_id_users_id_fk" FOREIGN KEY ("curator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lesson_visits_partnership_idx" ON "lesson_visits" USING btree ("partnership_id","visited_on");--> statement-breakpoint
CREATE INDEX "mentor_meetings_pair_idx" ON "mentor_meetings" USING btree ("pair_id","held_on");--> statement-breakpoint
CREATE INDEX "mentor_pairs_partnership_idx" ON "mentor_pairs" USING btree ("partnership_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mentor_pairs_active_uq" ON "mentor_pairs" USING btree ("partnership_id","mentor_id","mentee_id") WHERE "mentor_pairs"."status" = 'active';--> statement-breakpoint
CREATE INDEX "org_strengths_topic_idx" ON "org_strengths" USING btree ("topic_code");--> statement-breakpoint
CREATE INDEX "partnership_files_idx" ON "partnership_files" USING btree ("partnership_id","uploaded_at");--> statement-breakpoint
CREATE INDEX "partnership_members_user_idx" ON "partnership_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "partnership_status_changes_idx" ON "partnership_status_changes" USING btree ("partnership_id","at");--> statement-breakpoint
CREATE INDEX "partnership_status_changes_at_idx" ON "partnership_status_changes" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "partnerships_open_pair_uq" ON "partnerships" USING btree ("leader_org_id","partner_org_id") WHERE "partnerships"."status" in ('proposed','accepted','active');--> statement-breakpoint
CREATE INDEX "partnerships_leader_idx" ON "partnerships" USING btree ("leader_org_id","status");--> statement-breakpoint
CREATE INDEX "partnerships_partner_idx" ON "partnerships" USING btree ("partner_org_id","status");