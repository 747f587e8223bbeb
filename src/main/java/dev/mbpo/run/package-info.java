/**
 * Runs as streams of {@link dev.mbpo.run.RunEvent}s: the event types, and the recorder and
 * reader of run folders. JDK and Jackson only. (This package sits below {@code train} in
 * the layering, so that training emits these events directly; see docs/DEVELOPING.md.)
 */
package dev.mbpo.run;
