/** The {@code cairn} executable: one class per command; the only package allowed {@code System.exit}. */
@NullMarked
package io.cairn.cli;

import org.jspecify.annotations.NullMarked;
