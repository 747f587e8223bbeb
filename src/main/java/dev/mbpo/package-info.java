/**
 * MBPO Workbench: a desktop workbench for Model-Based Policy Optimization. Sub-packages
 * follow the layering of shared/DESIGN.md: config, env, data, nn, model, rl, train, run,
 * cli, ui (each may use only those before it; only ui imports JavaFX).
 */
package dev.mbpo;
