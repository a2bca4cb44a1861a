/**
 * One class per S3 operation (STYLE.md habit 2): each parses what S3 sent, drives the Swift application with
 * subrequests as the signing user, and answers in S3's terms (XML, headers, error codes) in Swift 2.30.1's
 * s3api data layout.
 */
@NullMarked
package io.cairn.proxy.s3api.op;

import org.jspecify.annotations.NullMarked;
