/**
 * Runs as streams of {@link dev.mbpo.run.RunEvent}s: the event types and their closed
 * vocabularies (phase, episode kind, run status), the recorder and reader of run folders,
 * checkpoint names and event fingerprints. JDK, Jackson and config only; it sits below
 * {@code train}, so that training emits these events directly.
 */
package dev.mbpo.run;
