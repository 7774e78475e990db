-- Extensions every environment has: pg_trgm (fuzzy search fallback, similarity) is trusted on
-- PostgreSQL 13+ and compiled into PGlite's contrib set.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
