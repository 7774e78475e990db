CREATE TABLE "communities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"name_sort" text NOT NULL,
	"description" text NOT NULL,
	"kind" text NOT NULL,
	"subject_code" text,
	"topic_code" text,
	"scope" text NOT NULL,
	"region_id" uuid,
	"municipality_id" uuid,
	"visibility" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"member_count" integer DEFAULT 0 NOT NULL,
	"last_activity_at" timestamp with time zone NOT NULL,
	CONSTRAINT "communities_kind_ck" CHECK ("communities"."kind" in ('subject','thematic','role')),
	CONSTRAINT "communities_visibility_ck" CHECK ("communities"."visibility" in ('open','closed')),
	CONSTRAINT "communities_scope_ck" CHECK (("communities"."scope" = 'interregional' and "communities"."region_id" is null and "communities"."municipality_id" is null)
        or ("communities"."scope" = 'regional' and "communities"."region_id" is not null and "communities"."municipality_id" is null)
        or ("communities"."scope" = 'municipal' and "communities"."region_id" is not null and "communities"."municipality_id" is not null)),
	CONSTRAINT "communities_subject_ck" CHECK ("communities"."kind" = 'subject' or "communities"."subject_code" is null),
	CONSTRAINT "communities_topic_ck" CHECK ("communities"."kind" = 'thematic' or "communities"."topic_code" is null),
	CONSTRAINT "communities_member_count_ck" CHECK ("communities"."member_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "community_follows" (
	"community_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "community_follows_community_id_user_id_pk" PRIMARY KEY("community_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "community_members" (
	"community_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"status" text NOT NULL,
	"request_note" text,
	"requested_at" timestamp with time zone NOT NULL,
	"joined_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reason" text,
	CONSTRAINT "community_members_community_id_user_id_pk" PRIMARY KEY("community_id","user_id"),
	CONSTRAINT "community_members_role_ck" CHECK ("community_members"."role" in ('member','moderator','owner')),
	CONSTRAINT "community_members_status_ck" CHECK ("community_members"."status" in ('requested','active','left','declined'))
);
--> statement-breakpoint
ALTER TABLE "communities" ADD CONSTRAINT "communities_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communities" ADD CONSTRAINT "communities_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communities" ADD CONSTRAINT "communities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_follows" ADD CONSTRAINT "community_follows_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_follows" ADD CONSTRAINT "community_follows_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_members" ADD CONSTRAINT "community_members_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_members" ADD CONSTRAINT "community_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_members" ADD CONSTRAINT "community_members_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "communities_slug_uq" ON "communities" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "communities_name_sort_idx" ON "communities" USING btree ("name_sort");--> statement-breakpoint
CREATE INDEX "communities_region_idx" ON "communities" USING btree ("region_id","municipality_id");--> statement-breakpoint
CREATE INDEX "communities_kind_idx" ON "communities" USING btree ("kind","subject_code","topic_code");--> statement-breakpoint
CREATE INDEX "community_follows_user_idx" ON "community_follows" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "community_members_user_idx" ON "community_members" USING btree ("user_id","status");--> statement-breakpoint
CREATE INDEX "community_members_status_idx" ON "community_members" USING btree ("community_id","status","role");