/**
 * DJL glue: starting the PyTorch engine offline ({@link dev.mbpo.nn.Engines}), network
 * building blocks on raw parameters, and parameter save and load. The only package besides
 * model, rl and train that may import DJL.
 */
package dev.mbpo.nn;
