/** Load generator with side-by-side runs against OpenStack Swift (issue 7; not built yet). */
@NullMarked
package io.cairn.bench;

import org.jspecify.annotations.NullMarked;
