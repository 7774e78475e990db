CREATE TABLE "plan_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"url" text NOT NULL,
	"label" text NOT NULL,
	"storage_key" text,
	"content_type" text,
	"extension" text,
	"size" integer,
	"added_by" uuid,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "plan_evidence_kind_ck" CHECK ("plan_evidence"."kind" in ('link','event','practice','file')),
	CONSTRAINT "plan_evidence_file_ck" CHECK (("plan_evidence"."kind" = 'file') = ("plan_evidence"."storage_key" is not null))
);
--> statement-breakpoint
CREATE TABLE "plan_item_people" (
	"item_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "plan_item_people_item_id_user_id_pk" PRIMARY KEY("item_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "plan_item_status_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"by_user_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"position" integer NOT NULL,
	"number" text DEFAULT '' NOT NULL,
	"title" text NOT NULL,
	"activity_type" text,
	"term_label" text DEFAULT '' NOT NULL,
	"term_start" date,
	"term_end" date,
	"responsible_text" text DEFAULT '' NOT NULL,
	"expected_result" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"status_changed_at" timestamp with time zone,
	"actual_result" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "plan_items_kind_ck" CHECK ("plan_items"."kind" in ('section','activity')),
	CONSTRAINT "plan_items_status_ck" CHECK ("plan_items"."status" in ('planned','in_progress','done','cancelled')),
	CONSTRAINT "plan_items_term_ck" CHECK ("plan_items"."term_end" is null or "plan_items"."term_start" is null or "plan_items"."term_end" >= "plan_items"."term_start")
);
--> statement-breakpoint
CREATE TABLE "plan_reminders_sent" (
	"item_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"term_end" date NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "plan_reminders_sent_item_id_user_id_kind_term_end_pk" PRIMARY KEY("item_id","user_id","kind","term_end")
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"title" text NOT NULL,
	"school_year" text NOT NULL,
	"time_zone" text NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "plans_owner_kind_ck" CHECK ("plans"."owner_kind" in ('partnership','organisation','municipality','region'))
);
--> statement-breakpoint
ALTER TABLE "plan_evidence" ADD CONSTRAINT "plan_evidence_item_id_plan_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."plan_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_evidence" ADD CONSTRAINT "plan_evidence_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_people" ADD CONSTRAINT "plan_item_people_item_id_plan_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."plan_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_people" ADD CONSTRAINT "plan_item_people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_status_changes" ADD CONSTRAINT "plan_item_status_changes_item_id_plan_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."plan_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_status_changes" ADD CONSTRAINT "plan_item_status_changes_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_reminders_sent" ADD CONSTRAINT "plan_reminders_sent_item_id_plan_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."plan_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_reminders_sent" ADD CONSTRAINT "plan_reminders_sent_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_evidence_item_idx" ON "plan_evidence" USING btree ("item_id","added_at");--> statement-breakpoint
CREATE INDEX "plan_item_people_user_idx" ON "plan_item_people" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "plan_item_status_changes_idx" ON "plan_item_status_changes" USING btree ("item_id","at");--> statement-breakpoint
CREATE INDEX "plan_items_plan_idx" ON "plan_items" USING btree ("plan_id","position");--> statement-breakpoint
CREATE INDEX "plan_items_term_end_idx" ON "plan_items" USING btree ("term_end");--> statement-breakpoint
CREATE INDEX "plans_owner_idx" ON "plans" USING btree ("owner_kind","owner_id");