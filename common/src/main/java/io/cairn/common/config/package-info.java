/** Swift's INI configuration files: sections, [DEFAULT] inheritance, typed getters, unknown-key reports. */
@NullMarked
package io.cairn.common.config;

import org.jspecify.annotations.NullMarked;
