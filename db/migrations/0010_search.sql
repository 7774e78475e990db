CREATE TABLE "search_attachment_texts" (
	"attachment_id" uuid PRIMARY KEY NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"status" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"extracted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_cursors" (
	"stream_key" text PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_documents" (
	"kind" text NOT NULL,
	"ref_id" uuid NOT NULL,
	"url" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"attachments_text" text DEFAULT '' NOT NULL,
	"access" text[] NOT NULL,
	"subjects" text[] DEFAULT '{}'::text[] NOT NULL,
	"grade_bands" text[] DEFAULT '{}'::text[] NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"doc_kind" text,
	"region_id" uuid,
	"published_at" timestamp with time zone NOT NULL,
	"usefulness" integer DEFAULT 0 NOT NULL,
	"tsv" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('russian'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('russian'::regconfig, coalesce(summary, '')), 'B') || setweight(to_tsvector('russian'::regconfig, coalesce(body, '')), 'C') || setweight(to_tsvector('russian'::regconfig, coalesce(attachments_text, '')), 'D')) STORED NOT NULL,
	CONSTRAINT "search_documents_kind_ref_id_pk" PRIMARY KEY("kind","ref_id")
);
--> statement-breakpoint
CREATE TABLE "search_terms" (
	"term" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "search_attachment_texts_owner_idx" ON "search_attachment_texts" USING btree ("owner_kind","owner_id");--> statement-breakpoint
CREATE INDEX "search_documents_tsv_idx" ON "search_documents" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "search_documents_access_idx" ON "search_documents" USING gin ("access");--> statement-breakpoint
CREATE INDEX "search_documents_published_idx" ON "search_documents" USING btree ("kind","published_at");--> statement-breakpoint
CREATE INDEX "search_terms_trgm_idx" ON "search_terms" USING gin ("term" gin_trgm_ops);