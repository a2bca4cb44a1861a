/**
 * The compute add-on: identity (Keystone v3 subset) and image (Glance v2) services on Spring Boot WebFlux. Entry
 * points for embedding are {@link io.cairn.compute.ComputeServices}; Spring stays inside this module.
 */
@NullMarked
package io.cairn.compute;

import org.jspecify.annotations.NullMarked;
