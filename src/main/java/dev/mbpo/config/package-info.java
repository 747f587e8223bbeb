/**
 * Immutable, validated configuration records ({@link dev.mbpo.config.RunConfig} and its
 * sections), the closed choices among their settings as enums with their labels and
 * descriptions ({@link dev.mbpo.config.Choice}), and preset files
 * ({@link dev.mbpo.config.Presets}): JSON laid over the defaults, with errors that name the
 * field and what is allowed. JDK and Jackson only.
 */
package dev.mbpo.config;
