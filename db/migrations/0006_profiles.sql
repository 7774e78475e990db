CREATE TABLE "profile_photos" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"image" "bytea" NOT NULL,
	"version" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"name_sort" text NOT NULL,
	"position" text,
	"organisation_id" uuid,
	"subjects" text[] DEFAULT '{}'::text[] NOT NULL,
	"grades" integer[] DEFAULT '{}'::int[] NOT NULL,
	"experience_years" integer,
	"can_help" text[] DEFAULT '{}'::text[] NOT NULL,
	"needs_help" text[] DEFAULT '{}'::text[] NOT NULL,
	"time_zone" text,
	"bio" text,
	"public_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "profiles_experience_ck" CHECK ("profiles"."experience_years" is null or "profiles"."experience_years" between 0 and 70)
);
--> statement-breakpoint
ALTER TABLE "consents" ADD COLUMN "fields" text[];--> statement-breakpoint
ALTER TABLE "profile_photos" ADD CONSTRAINT "profile_photos_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "profiles_org_idx" ON "profiles" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "profiles_name_sort_idx" ON "profiles" USING btree ("name_sort");--> statement-breakpoint
CREATE INDEX "profiles_can_help_idx" ON "profiles" USING gin ("can_help");--> statement-breakpoint
CREATE INDEX "profiles_needs_help_idx" ON "profiles" USING gin ("needs_help");--> statement-breakpoint
CREATE INDEX "profiles_subjects_idx" ON "profiles" USING gin ("subjects");