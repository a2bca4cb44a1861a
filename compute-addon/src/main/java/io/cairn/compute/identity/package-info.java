/** A Keystone v3 subset: signed stateless tokens, password and token auth, catalog, admin CRUD. */
@NullMarked
package io.cairn.compute.identity;

import org.jspecify.annotations.NullMarked;
