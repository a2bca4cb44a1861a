/**
 * Group commit of container reports ({@code PUT /<dev>/<part>/<account>/<container>}) into account DBs:
 * one Disruptor ring per server, one writer per DB, one transaction per batch. Must not know HTTP.
 */
@NullMarked
package io.cairn.account.commit;

import org.jspecify.annotations.NullMarked;
