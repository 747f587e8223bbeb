/**
 * DJL glue: starting the PyTorch engine offline ({@link dev.mbpo.nn.Engines}), network
 * building blocks on raw parameters (held as views of flat arrays, {@link dev.mbpo.nn.FlatParameters}),
 * Adam, per-thread gradient recording, products with numbers that survive a garbage collection
 * before the backward pass ({@link dev.mbpo.nn.Scalars}), and parameter save and load. The only package besides
 * model, rl and train that may import DJL.
 */
package dev.mbpo.nn;
