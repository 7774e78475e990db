CREATE TABLE "municipalities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_sort" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"name_sort" text NOT NULL,
	"region_id" uuid NOT NULL,
	"municipality_id" uuid,
	"inn" text,
	"rural" boolean,
	"address" text,
	"phone" text,
	"email" text,
	"website" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_kind_ck" CHECK ("organisations"."kind" in ('school','ministry','municipal_office','institute','cnppm','coko','other')),
	CONSTRAINT "organisations_inn_ck" CHECK ("organisations"."inn" is null or "organisations"."inn" ~ '^[0-9]{10}$')
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_sort" text NOT NULL,
	"time_zone" text NOT NULL,
	"capital" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school_years" (
	"organisation_id" uuid NOT NULL,
	"school_year" text NOT NULL,
	"low_results" boolean DEFAULT false NOT NULL,
	"adverse_conditions" boolean DEFAULT false NOT NULL,
	"leading" boolean DEFAULT false NOT NULL,
	"training_site" boolean DEFAULT false NOT NULL,
	"project_500" boolean DEFAULT false NOT NULL,
	"teacher_count" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_years_organisation_id_school_year_pk" PRIMARY KEY("organisation_id","school_year"),
	CONSTRAINT "school_years_year_ck" CHECK ("school_years"."school_year" ~ '^[0-9]{4}/[0-9]{4}$'),
	CONSTRAINT "school_years_teachers_ck" CHECK ("school_years"."teacher_count" is null or "school_years"."teacher_count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_years" ADD CONSTRAINT "school_years_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "municipalities_region_name_uq" ON "municipalities" USING btree ("region_id","name");--> statement-breakpoint
CREATE INDEX "municipalities_name_sort_idx" ON "municipalities" USING btree ("region_id","name_sort");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_inn_uq" ON "organisations" USING btree ("inn");--> statement-breakpoint
CREATE INDEX "organisations_region_idx" ON "organisations" USING btree ("region_id","kind");--> statement-breakpoint
CREATE INDEX "organisations_municipality_idx" ON "organisations" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "organisations_name_sort_idx" ON "organisations" USING btree ("name_sort");--> statement-breakpoint
CREATE UNIQUE INDEX "regions_code_uq" ON "regions" USING btree ("code");--> statement-breakpoint
CREATE INDEX "regions_name_sort_idx" ON "regions" USING btree ("name_sort");--> statement-breakpoint
CREATE INDEX "school_years_year_idx" ON "school_years" USING btree ("school_year");