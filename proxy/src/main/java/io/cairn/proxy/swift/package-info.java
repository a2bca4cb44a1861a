/**
 * The Swift API v1: the dispatch stage, controllers per resource and one class per operation (account,
 * container and object verbs, COPY, OPTIONS, /info), Swift's status table and constraint answers.
 */
@NullMarked
package io.cairn.proxy.swift;

import org.jspecify.annotations.NullMarked;
