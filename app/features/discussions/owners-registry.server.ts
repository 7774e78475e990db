/**
 * Imported once at start (by the discussion engine's policy module) so every capability that hosts
 * threads registers its owner before the first request. Add one import per owner module.
 */
import "./owners.server.ts";
import "../communities/discussion-owner.server.ts";
import "../partnerships/discussion-owner.server.ts";
import "../library/discussion-owner.server.ts";
import "../events/discussion-owner.server.ts";
