/** Configuration records (`cairn.*` keys) of the compute add-on; bound once at start-up. */
@NullMarked
package io.cairn.compute.config;

import org.jspecify.annotations.NullMarked;
