/**
 * Model-predictive control through the learned ensemble (PETS-style): the cross-entropy
 * method over action sequences ({@link dev.mbpo.plan.CemPlanner}), scored by particles that
 * each keep one ensemble member for the whole plan (trajectory sampling). Uses {@code model}
 * and {@code env}; runs on the session's trainer thread.
 */
package dev.mbpo.plan;
