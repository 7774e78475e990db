CREATE TABLE "calendar_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"kind" text NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	CONSTRAINT "event_questions_kind_ck" CHECK ("event_questions"."kind" in ('text','choice'))
);
--> statement-breakpoint
CREATE TABLE "event_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"waitlisted_at" timestamp with time zone,
	"registered_at" timestamp with time zone,
	"promoted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "event_registrations_status_ck" CHECK ("event_registrations"."status" in ('registered','waitlisted','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "event_reminders_sent" (
	"registration_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "event_reminders_sent_registration_id_kind_starts_at_pk" PRIMARY KEY("registration_id","kind","starts_at"),
	CONSTRAINT "event_reminders_sent_kind_ck" CHECK ("event_reminders_sent"."kind" in ('day','hour'))
);
--> statement-breakpoint
CREATE TABLE "programme_event_communities" (
	"event_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	CONSTRAINT "programme_event_communities_event_id_community_id_pk" PRIMARY KEY("event_id","community_id")
);
--> statement-breakpoint
CREATE TABLE "programme_event_practices" (
	"event_id" uuid NOT NULL,
	"practice_id" uuid NOT NULL,
	CONSTRAINT "programme_event_practices_event_id_practice_id_pk" PRIMARY KEY("event_id","practice_id")
);
--> statement-breakpoint
CREATE TABLE "programme_event_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	CONSTRAINT "programme_event_sessions_range_ck" CHECK ("programme_event_sessions"."ends_at" > "programme_event_sessions"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "programme_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"title_sort" text NOT NULL,
	"type" text NOT NULL,
	"format" text NOT NULL,
	"summary" text NOT NULL,
	"programme" jsonb NOT NULL,
	"programme_html" text NOT NULL,
	"online_url" text,
	"venue" text,
	"organisation_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"time_zone" text NOT NULL,
	"speakers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"audience" text NOT NULL,
	"audience_region_id" uuid,
	"capacity" integer,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"registered_count" integer DEFAULT 0 NOT NULL,
	"waitlist_count" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "programme_events_type_ck" CHECK ("programme_events"."type" in ('webinar','seminar','problem_seminar','conference','master_class','discussion_platform')),
	CONSTRAINT "programme_events_format_ck" CHECK ("programme_events"."format" in ('online','offline','hybrid')),
	CONSTRAINT "programme_events_audience_ck" CHECK (("programme_events"."audience" = 'region') = ("programme_events"."audience_region_id" is not null) and "programme_events"."audience" in ('open','region','communities')),
	CONSTRAINT "programme_events_status_ck" CHECK ("programme_events"."status" in ('scheduled','cancelled')),
	CONSTRAINT "programme_events_capacity_ck" CHECK ("programme_events"."capacity" is null or "programme_events"."capacity" > 0),
	CONSTRAINT "programme_events_range_ck" CHECK ("programme_events"."ends_at" > "programme_events"."starts_at"),
	CONSTRAINT "programme_events_counts_ck" CHECK ("programme_events"."registered_count" >= 0 and "programme_events"."waitlist_count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_questions" ADD CONSTRAINT "event_questions_event_id_programme_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."programme_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_event_id_programme_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."programme_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_reminders_sent" ADD CONSTRAINT "event_reminders_sent_registration_id_event_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."event_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_event_communities" ADD CONSTRAINT "programme_event_communities_event_id_programme_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."programme_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_event_communities" ADD CONSTRAINT "programme_event_communities_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_event_practices" ADD CONSTRAINT "programme_event_practices_event_id_programme_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."programme_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_event_practices" ADD CONSTRAINT "programme_event_practices_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_event_sessions" ADD CONSTRAINT "programme_event_sessions_event_id_programme_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."programme_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_events" ADD CONSTRAINT "programme_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_events" ADD CONSTRAINT "programme_events_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_events" ADD CONSTRAINT "programme_events_audience_region_id_regions_id_fk" FOREIGN KEY ("audience_region_id") REFERENCES "public"."regions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_events" ADD CONSTRAINT "programme_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_uq" ON "calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "event_questions_position_uq" ON "event_questions" USING btree ("event_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_live_uq" ON "event_registrations" USING btree ("event_id","user_id") WHERE "event_registrations"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "event_registrations_event_idx" ON "event_registrations" USING btree ("event_id","status","waitlisted_at");--> statement-breakpoint
CREATE INDEX "event_registrations_user_idx" ON "event_registrations" USING btree ("user_id","status");--> statement-breakpoint
CREATE INDEX "programme_event_communities_community_idx" ON "programme_event_communities" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "programme_event_practices_practice_idx" ON "programme_event_practices" USING btree ("practice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_event_sessions_position_uq" ON "programme_event_sessions" USING btree ("event_id","position");--> statement-breakpoint
CREATE INDEX "programme_event_sessions_starts_idx" ON "programme_event_sessions" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "programme_events_starts_idx" ON "programme_events" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "programme_events_ends_idx" ON "programme_events" USING btree ("ends_at");--> statement-breakpoint
CREATE INDEX "programme_events_region_idx" ON "programme_events" USING btree ("region_id","starts_at");--> statement-breakpoint
CREATE INDEX "programme_events_org_idx" ON "programme_events" USING btree ("organisation_id");