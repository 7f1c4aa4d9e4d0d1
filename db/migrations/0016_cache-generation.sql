CREATE TABLE "cache_generation" (
	"id" smallint PRIMARY KEY NOT NULL,
	"n" bigint NOT NULL
);
