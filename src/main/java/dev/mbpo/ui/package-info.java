/**
 * The JavaFX workbench: the window, its views and view models. The only package that
 * imports JavaFX, ControlsFX or JFreeChart; it talks to training through commands and
 * events only.
 */
package dev.mbpo.ui;
