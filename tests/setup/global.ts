import type { TestProject } from "vitest/node";
import { prepareTemplate, TEMPLATE_ENV } from "./database.ts";

/** Builds the database template once for the whole vitest run. */
export default async function setup(_project: TestProject) {
  const prepared = await prepareTemplate();
  process.env[TEMPLATE_ENV] = prepared.template;
  process.env.MOST_TEST_ENGINE = prepared.engine;
  return async () => {
    await prepared.cleanup();
  };
}
