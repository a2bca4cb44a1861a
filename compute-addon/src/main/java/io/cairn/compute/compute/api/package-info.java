/** Nova v2.1's HTTP API under {@code /compute}: microversions, views per microversion, Nova's error bodies. */
@NullMarked
package io.cairn.compute.compute.api;

import org.jspecify.annotations.NullMarked;
