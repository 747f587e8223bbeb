/**
 * MBPO Workbench: a desktop workbench for Model-Based Policy Optimization. Sub-packages are
 * layered config, env, data, run, nn, model, rl, train, cli, ui: each may use only those
 * before it, and only ui imports JavaFX (docs/ARCHITECTURE.md).
 */
package dev.mbpo;
